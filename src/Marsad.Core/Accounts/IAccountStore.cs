using Marsad.Core.Access;

namespace Marsad.Core.Accounts;

/// <summary>
/// Accounts and personal API tokens. Passwords are stored only as ASP.NET Core Identity password hashes
/// and tokens only as their SHA-256, so a copy of the database gives away neither.
/// </summary>
public interface IAccountStore
{
    /// <summary>
    /// Adds an account, or changes the role and password of the one with that name (names match whatever their case)
    /// and enables it again; a change ends every session and token the account had.
    /// </summary>
    Task<UserAccount> SaveAsync(string name, Role role, string password, CancellationToken cancellationToken = default);

    Task<UserAccount?> FindAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The account when the password is right, else null (the same answer for an unknown name and a wrong password).</summary>
    Task<UserAccount?> CheckPasswordAsync(string name, string password, CancellationToken cancellationToken = default);

    /// <summary>A new personal token for the account; the token itself is returned this once and never stored.</summary>
    Task<string> CreateTokenAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Revokes every token of the account and ends its sessions; returns how many tokens were live.</summary>
    Task<int> RevokeTokensAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Ends every session (sign-in cookie) of the account and revokes its tokens: a new security stamp.</summary>
    Task EndSessionsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Disables the account: it cannot sign in, and every session and token it had ends at once.</summary>
    Task DisableAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The account a live token belongs to, or null for an unknown or revoked token.</summary>
    Task<UserAccount?> FindByTokenAsync(string token, CancellationToken cancellationToken = default);
}
