using System.Security.Cryptography;
using System.Text;

namespace Marsad.Core.Accounts;

/// <summary>Personal API tokens: 256 random bits, shown once; only their SHA-256 is kept.</summary>
public static class ApiTokens
{
    public const string Prefix = "msd_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
