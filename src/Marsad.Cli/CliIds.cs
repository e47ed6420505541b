using Marsad.Core.Ids;
using Marsad.Core.Records;
using Marsad.Core.Storage;

namespace Marsad.Cli;

/// <summary>Ids typed on the command line, through Core's one id parser; a failure is printed as the parser worded it.</summary>
internal static class CliIds
{
    /// <summary>The full id, or null after printing why (no match, several matches named, not an id).</summary>
    public static async Task<Guid?> ResolveAsync(IMarsadStore store, CliEnvironment env, IdKind kind, string typed, CancellationToken cancellationToken)
    {
        try
        {
            return await store.Ids.ResolveAsync(kind, typed, cancellationToken);
        }
        catch (Exception ex) when (ex is RecordNotFoundException or ArgumentException)
        {
            env.WriteError(ex.Message);
            return null;
        }
    }

    /// <summary>Short ids for the rows about to be printed.</summary>
    public static Task<IReadOnlyDictionary<Guid, string>> ShortAsync(IMarsadStore store, IdKind kind, IEnumerable<Guid> ids, CancellationToken cancellationToken) =>
        store.Ids.ShortenAsync(kind, ids, cancellationToken);
}
