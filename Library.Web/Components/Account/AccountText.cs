namespace Library.Web.Components.Account;

/// <summary>Marker for AccountText.resx: sign-in, sign-up and account messages.</summary>
public sealed class AccountText;
