using System.Globalization;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Marsad.Core.Audit;

/// <summary>
/// A signed checkpoint of the audit chain: how many revisions it had, its head hash, and when. Published or mailed
/// outside the database, it is what a file-level tamperer cannot rewrite: a chain that no longer passes through the
/// anchored head (rewritten with fresh hashes, or cut back by removing its last revisions) fails verification.
/// Signed with Ed25519 by the editor's key, so a forged anchor is refused too.
/// </summary>
public sealed record AuditAnchor(long Count, string HeadHash, DateTimeOffset At, string PublicKey, string Signature)
{
    public static AuditAnchor Sign(long count, string headHash, DateTimeOffset at, AnchorKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signer = new Ed25519Signer();
        signer.Init(true, key.Private);
        var message = Message(count, headHash, at);
        signer.BlockUpdate(message, 0, message.Length);
        return new AuditAnchor(count, headHash, at, key.PublicKeyText, Convert.ToBase64String(signer.GenerateSignature()));
    }

    /// <summary>True when the signature is this anchor's, made by the key it names.</summary>
    public bool SignatureHolds()
    {
        try
        {
            var verifier = new Ed25519Signer();
            verifier.Init(false, new Ed25519PublicKeyParameters(Convert.FromBase64String(PublicKey)));
            var message = Message(Count, HeadHash, At);
            verifier.BlockUpdate(message, 0, message.Length);
            return verifier.VerifySignature(Convert.FromBase64String(Signature));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The signed bytes: a fixed label, then each field on its own line (no field can contain a newline).</summary>
    private static byte[] Message(long count, string headHash, DateTimeOffset at) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"marsad-audit-anchor-v1\n{count}\n{headHash}\n{RevisionHasher.FormatTime(at)}\n"));
}
