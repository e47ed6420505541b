using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Marsad.Web.Security;

/// <summary>
/// Where the keys that sign sign-in cookies and anti-forgery tokens live, and how they are kept: in
/// <c>$MARSAD_HOME/web-keys</c> (MARSAD_HOME defaulting to ~/.marsad; folder mode 0700), each key encrypted
/// with AES-256-GCM under a master key in <c>master.key</c> beside them (mode 0600, made on first use). A copy of
/// the key ring without the master key cannot forge a cookie; keep the master key out of backups of the folder.
/// </summary>
public static class KeyRingProtection
{
    public const string MasterKeyFile = "master.key";

    public static string DefaultDirectory(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var home = getVariable("MARSAD_HOME") is { Length: > 0 } h ? h : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".marsad");
        return Path.Combine(home, "web-keys");
    }

    public static IServiceCollection AddMarsadKeyRing(this IServiceCollection services, string directory)
    {
        var folder = Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var master = MasterKey(Path.Combine(folder.FullName, MasterKeyFile));
        services.AddSingleton(new MasterKeyHolder(master));
        services.AddDataProtection()
            .SetApplicationName("marsad")
            .PersistKeysToFileSystem(folder)
            .AddKeyManagementOptions(o => o.XmlEncryptor = new AesGcmXmlEncryptor(master));
        return services;
    }

    private static byte[] MasterKey(string path)
    {
        if (!File.Exists(path))
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(path, options);
                stream.Write(key);
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first: use theirs.
            }
        }

        var bytes = File.ReadAllBytes(path);
        return bytes.Length == 32 ? bytes : throw new InvalidOperationException($"{path}: not a 32-byte Marsad master key");
    }

    internal sealed record MasterKeyHolder(byte[] Key);

    /// <summary>Encrypts each key's XML with AES-256-GCM; the decryptor is found by type and reads the master key from the services.</summary>
    private sealed class AesGcmXmlEncryptor(byte[] master) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement)
        {
            ArgumentNullException.ThrowIfNull(plaintextElement);
            var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
            var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
            var cipher = new byte[plain.Length];
            var tag = new byte[AesGcm.TagByteSizes.MaxSize];
            using (var aes = new AesGcm(master, tag.Length))
            {
                aes.Encrypt(nonce, plain, cipher, tag);
            }

            var element = new XElement("marsadEncryptedKey",
                new XElement("nonce", Convert.ToBase64String(nonce)), new XElement("tag", Convert.ToBase64String(tag)), new XElement("value", Convert.ToBase64String(cipher)));
            return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
        }
    }
}

/// <summary>Decrypts what <see cref="KeyRingProtection"/> encrypted; made by the data-protection system with the app's services.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var master = services.GetRequiredService<KeyRingProtection.MasterKeyHolder>().Key;
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var cipher = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(master, tag.Length))
        {
            aes.Decrypt(nonce, cipher, tag, plain);
        }

        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
    }
}
