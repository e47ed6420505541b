using Marsad.Core.Access;

namespace Marsad.Core.Accounts;

/// <summary>Someone who signs in to the dashboard or calls the API: a name, a role, and when the account was made.</summary>
public sealed record UserAccount(Guid Id, string Name, Role Role, DateTimeOffset CreatedAt)
{
    /// <summary>Changes whenever the account's sessions must end (sign-out, password or role change, revoke, disable); every cookie carries the one it was issued with.</summary>
    public string SecurityStamp { get; init; } = "";

    /// <summary>A disabled account cannot sign in, and its cookies and tokens fail.</summary>
    public bool Disabled { get; init; }
}
