namespace Library.Web.Components.Account;

/// <summary>A form that sets a new password (reset, change): <see cref="PasswordFields"/> renders its two fields.</summary>
public interface INewPassword
{
    string NewPassword { get; set; }
    string ConfirmPassword { get; set; }
}
