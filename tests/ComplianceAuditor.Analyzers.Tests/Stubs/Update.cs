// API shapes of the signature verifiers CMP4008 knows that are not part of the shared framework: the
// System.Security.Cryptography.Pkcs and System.Security.Cryptography.Cose packages, and BouncyCastle.
namespace System.Security.Cryptography.Pkcs
{
    public sealed class ContentInfo
    {
        public ContentInfo(byte[] content) => Content = content;

        public byte[] Content { get; }
    }

    public sealed class SignedCms
    {
        public SignedCms(ContentInfo contentInfo, bool detached) => ContentInfo = contentInfo;

        public ContentInfo ContentInfo { get; }

        public void Decode(byte[] encodedMessage) { }

        public void CheckSignature(bool verifySignatureOnly) { }
    }
}

namespace System.Security.Cryptography.Cose
{
    public abstract class CoseMessage
    {
        public ReadOnlyMemory<byte>? Content => null;

        public static CoseSign1Message DecodeSign1(byte[] cborPayload) => null!;
    }

    public sealed class CoseSign1Message : CoseMessage
    {
        public bool VerifyEmbedded(AsymmetricAlgorithm key) => true;

        public bool VerifyDetached(AsymmetricAlgorithm key, byte[] detachedContent) => true;
    }
}

namespace Org.BouncyCastle.Crypto
{
    public interface ICipherParameters { }

    public interface ISigner
    {
        void Init(bool forSigning, ICipherParameters parameters);

        void BlockUpdate(byte[] input, int inOff, int inLen);

        bool VerifySignature(byte[] signature);
    }
}
