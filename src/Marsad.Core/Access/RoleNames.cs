namespace Marsad.Core.Access;

/// <summary>Roles by their lower-case names, as the command line, the database and the API spell them.</summary>
public static class RoleNames
{
    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out Role role) =>
        Enum.TryParse(name, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(name, out _);

    public static Role Parse(string name) => TryParse(name, out var role) ? role : throw new ArgumentException($"unknown role '{name}' (public, viewer, coder, editor or admin)", nameof(name));
}
