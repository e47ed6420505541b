namespace Marsad.Core.Accounts;

/// <summary>No account has the name asked for.</summary>
public sealed class AccountNotFoundException(string name) : Exception($"no account named '{name}'")
{
    public string Name { get; } = name;
}
