using System.Data.Common;
using Marsad.Core.Access;
using Marsad.Core.Audit;
using Marsad.Core.Storage;
using Microsoft.AspNetCore.Identity;

namespace Marsad.Core.Accounts;

/// <summary>Accounts and tokens over ADO.NET; passwords go through Identity's <see cref="PasswordHasher{TUser}"/>.</summary>
internal sealed class AccountStore(SqlDialect dialect, TimeProvider time) : IAccountStore
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public async Task<UserAccount> SaveAsync(string name, Role role, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var account = new UserAccount(Guid.CreateVersion7(time.GetUtcNow()), name.Trim(), role, time.GetUtcNow());
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginWriteAsync(connection, cancellationToken);
        await using (var upsert = connection.Sql(tx, """
            INSERT INTO users (id, name, name_key, role, password_hash, created_at, security_stamp) VALUES (@id, @name, @key, @role, @hash, @at, @stamp)
            ON CONFLICT (name_key) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
                security_stamp = excluded.security_stamp, disabled_at = NULL
            """))
        {
            upsert.AddParameter("@stamp", NewStamp());
            upsert.AddParameter("@id", account.Id.ToString("D")).AddParameter("@name", account.Name).AddParameter("@key", Key(account.Name))
                .AddParameter("@role", RoleNames.Name(role)).AddParameter("@hash", Hasher.HashPassword(account, password))
                .AddParameter("@at", RevisionHasher.FormatTime(account.CreatedAt));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await RevokeAsync(connection, tx, "(SELECT id FROM users WHERE name_key = @key)", Key(account.Name), cancellationToken);
        await SealAsync(connection, tx, SealedTable.Users, "name_key = @key", ("@key", Key(account.Name)), "account saved", cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return await FindAsync(name, cancellationToken) ?? throw new AccountNotFoundException(name);
    }

    public async Task<UserAccount?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, "WHERE name_key = @key", c => c.AddParameter("@key", Key(name)), cancellationToken)).FirstOrDefault()?.Account;
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return [.. (await ReadAsync(connection, "ORDER BY name_key", _ => { }, cancellationToken)).Select(r => r.Account)];
    }

    public async Task<UserAccount?> CheckPasswordAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var found = (await ReadAsync(connection, "WHERE name_key = @key", c => c.AddParameter("@key", Key(name)), cancellationToken)).FirstOrDefault();
        if (found is null)
        {
            // Hash anyway so that an unknown name takes as long as a wrong password.
            Hasher.HashPassword(new UserAccount(Guid.Empty, name, Role.Public, default), password);
            return null;
        }

        var verified = Hasher.VerifyHashedPassword(found.Account, found.Hash, password) != PasswordVerificationResult.Failed;
        return verified && !found.Account.Disabled ? found.Account : null;
    }

    public async Task<string> CreateTokenAsync(string name, CancellationToken cancellationToken = default)
    {
        var account = await FindAsync(name, cancellationToken) ?? throw new AccountNotFoundException(name);
        var token = ApiTokens.New();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginWriteAsync(connection, cancellationToken);
        await using (var insert = connection.Sql(tx, "INSERT INTO api_tokens (id, user_id, token_sha256, created_at) VALUES (@id, @user, @hash, @at)"))
        {
            insert.AddParameter("@id", Guid.CreateVersion7(time.GetUtcNow()).ToString("D")).AddParameter("@user", account.Id.ToString("D"))
                .AddParameter("@hash", ApiTokens.Hash(token)).AddParameter("@at", RevisionHasher.FormatTime(time.GetUtcNow()));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await SealAsync(connection, tx, SealedTable.Tokens, "token_sha256 = @hash", ("@hash", ApiTokens.Hash(token)), "token created", cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return token;
    }

    public async Task<int> RevokeTokensAsync(string name, CancellationToken cancellationToken = default) =>
        await EndAsync(name, disable: false, cancellationToken);

    public async Task EndSessionsAsync(string name, CancellationToken cancellationToken = default) =>
        await EndAsync(name, disable: false, cancellationToken);

    public async Task DisableAsync(string name, CancellationToken cancellationToken = default) =>
        await EndAsync(name, disable: true, cancellationToken);

    /// <summary>A new security stamp (ending every cookie), every token revoked, and the account disabled if asked; returns the tokens revoked.</summary>
    private async Task<int> EndAsync(string name, bool disable, CancellationToken cancellationToken)
    {
        var account = await FindAsync(name, cancellationToken) ?? throw new AccountNotFoundException(name);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginWriteAsync(connection, cancellationToken);
        await using (var update = connection.Sql(tx, $"UPDATE users SET security_stamp = @stamp{(disable ? ", disabled_at = @at" : "")} WHERE id = @user"))
        {
            update.AddParameter("@stamp", NewStamp()).AddParameter("@at", RevisionHasher.FormatTime(time.GetUtcNow())).AddParameter("@user", account.Id.ToString("D"));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        var revoked = await RevokeAsync(connection, tx, "@key", account.Id.ToString("D"), cancellationToken);
        if (disable)
        {
            // Disabling is sealed (a tamperer must not re-enable an account unseen); the stamp itself is not.
            await SealAsync(connection, tx, SealedTable.Users, "id = @user", ("@user", account.Id.ToString("D")), "account disabled", cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return revoked;
    }

    private async Task<int> RevokeAsync(DbConnection connection, DbTransaction tx, string userIdSql, string key, CancellationToken cancellationToken)
    {
        var at = RevisionHasher.FormatTime(time.GetUtcNow());
        int revoked;
        await using (var update = connection.Sql(tx, $"UPDATE api_tokens SET revoked_at = @at WHERE user_id = {userIdSql} AND revoked_at IS NULL"))
        {
            update.AddParameter("@at", at).AddParameter("@key", key);
            revoked = await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (revoked > 0)
        {
            await SealAsync(connection, tx, SealedTable.Tokens, $"user_id = {userIdSql} AND revoked_at = @at", ("@key", key), "tokens revoked", cancellationToken, ("@at", at));
        }

        return revoked;
    }

    private async Task SealAsync(DbConnection connection, DbTransaction tx, SealedTable table, string where, (string, object?) key, string reason, CancellationToken cancellationToken, (string, object?)? more = null)
    {
        await using var session = new WriteSession(connection, tx);
        await RowSealer.SealAsync(session, table, where, more is { } extra ? [key, extra] : [key], RowSealer.Administrator(reason), time.GetUtcNow(), cancellationToken);
    }

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public async Task<UserAccount?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, "WHERE disabled_at IS NULL AND id = (SELECT user_id FROM api_tokens WHERE token_sha256 = @hash AND revoked_at IS NULL)",
            c => c.AddParameter("@hash", ApiTokens.Hash(token)), cancellationToken)).FirstOrDefault()?.Account;
    }

    private static async Task<List<StoredAccount>> ReadAsync(DbConnection connection, string clause, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(null, "SELECT id, name, role, password_hash, created_at, security_stamp, disabled_at FROM users " + clause);
        bind(command);
        var list = new List<StoredAccount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new StoredAccount(new UserAccount(Guid.Parse(reader.GetString(0)), reader.GetString(1), RoleNames.Parse(reader.GetString(2)),
                DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture))
            {
                SecurityStamp = reader.GetString(5),
                Disabled = !reader.IsDBNull(6),
            }, reader.GetString(3)));
        }

        return list;
    }

    private sealed record StoredAccount(UserAccount Account, string Hash);

    private static string Key(string name) => name.Trim().ToUpperInvariant();
}
