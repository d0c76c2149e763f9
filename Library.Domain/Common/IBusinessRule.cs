namespace Library.Domain.Common;

/// <summary>A rule an aggregate checks before it changes state. <see cref="Code"/> is a stable key for localized messages.</summary>
public interface IBusinessRule
{
    bool IsBroken();
    string Code { get; }
    string Message { get; }
    /// <summary>Values the message refers to, in order, for localized formatting.</summary>
    object[] Arguments => [];
}
