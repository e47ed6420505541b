using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Marsad.Core.Audit;

/// <summary>The editor's Ed25519 signing key for audit anchors, kept in a file of its own (base64 of the 32-byte seed).</summary>
public sealed class AnchorKey
{
    private AnchorKey(Ed25519PrivateKeyParameters key) => Private = key;

    internal Ed25519PrivateKeyParameters Private { get; }

    public string PublicKeyText => Convert.ToBase64String(Private.GeneratePublicKey().GetEncoded());

    public static AnchorKey Generate() => new(new Ed25519PrivateKeyParameters(new SecureRandom()));

    public static AnchorKey Load(string path)
    {
        var seed = Convert.FromBase64String(File.ReadAllText(path).Trim());
        if (seed.Length != Ed25519PrivateKeyParameters.KeySize)
        {
            throw new InvalidDataException($"{path} is not an Ed25519 key (expected {Ed25519PrivateKeyParameters.KeySize} bytes, base64)");
        }

        return new AnchorKey(new Ed25519PrivateKeyParameters(seed));
    }

    /// <summary>Writes the key readable by its owner only (where the file system allows it).</summary>
    public void Save(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(Convert.ToBase64String(Private.GetEncoded()));
        }
    }
}
