using Marsad.Core.Access;

namespace Marsad.Core.Accounts;

/// <summary>Someone who signs in to the dashboard or calls the API: a name, a role, and when the account was made.</summary>
public sealed record UserAccount(Guid Id, string Name, Role Role, DateTimeOffset CreatedAt);
