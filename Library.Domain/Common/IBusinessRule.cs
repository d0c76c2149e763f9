namespace Library.Domain.Common;

/// <summary>A rule an aggregate checks before it changes state. <see cref="Code"/> is a stable key for localized messages.</summary>
public interface IBusinessRule
{
    bool IsBroken();
    string Code { get; }
    string Message { get; }
    /// <summary>Values the message refers to, in order, for localized formatting.</summary>
    object[] Arguments => [];
    /// <summary>The localized message to use; a rule whose wording depends on its values picks a variant of its code.</summary>
    string MessageKey => Code;
}
