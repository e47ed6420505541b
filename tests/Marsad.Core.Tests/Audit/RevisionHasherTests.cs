using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marsad.Core.Audit;
using Marsad.Domain.Audit;

namespace Marsad.Core.Tests.Audit;

public sealed class RevisionHasherTests
{
    /// <summary>
    /// The chain's hashes already stored must keep verifying: the hash is SHA-256 of the UTF-8 of each
    /// field as "UTF-16 length:value\n", whatever way the code builds those bytes.
    /// </summary>
    [Theory]
    [InlineData("an editor", "merged: same strike", """{"grade":{"old":null,"new":"fair"}}""")]
    [InlineData("محرر", null, """{"location":{"old":"قرية","new":"مدينة 🏙"}}""")]
    public void The_hash_is_the_documented_encoding_of_every_field(string author, string? reason, string changes)
    {
        var id = Guid.Parse("0b7c3f0e-1d2a-4c5b-9e8f-7a6b5c4d3e2f");
        var at = new DateTimeOffset(2021, 1, 23, 10, 30, 0, TimeSpan.FromHours(3));
        string[] fields = ["12345", "event", id.ToString("D"), "update", author, "2021-01-23T07:30:00.0000000Z", reason ?? "\0", changes, new string('a', 64), new string('b', 64)];
        var text = string.Concat(fields.Select(f => f.Length.ToString(CultureInfo.InvariantCulture) + ":" + f + "\n"));
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(expected, RevisionHasher.Hash(12345, "event", id, RevisionAction.Update, author, at, reason, changes, new string('a', 64), new string('b', 64)));
    }
}
