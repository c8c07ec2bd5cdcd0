package dev.tenderkit.benchmarks;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureSpi;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A stand-in JCA provider whose "SHA256withRSA" does no cryptography, so that what a pay call costs
 * <em>besides</em> the RSA operations can be measured on its own, in microseconds, where the
 * machine's noise is small. A "signature" is 256 bytes (as long as an RSA-2048 one, so base64 and
 * URL encoding handle as much text as for real): the key's modulus hash and a CRC32C of the data,
 * then zeros. It verifies only with the public key of the same pair and only over the same data,
 * so every check TenderKit makes still means something (the credentials' probe still tells the app
 * key from Alipay's, and a WeChat Pay answer signed with the merchant's key does not verify). Never for anything but this measurement.
 */
public final class NoCryptoProvider extends Provider {
    private static final long serialVersionUID = 1L;

    /** The stand-in, with its one service. */
    public NoCryptoProvider() {
        super("NoCrypto", "1.0", "benchmark stand-in: SHA256withRSA without cryptography");
        putService(new Service(this, "Signature", "SHA256withRSA", NoCryptoSignature.class.getName(), null, null) {
            @Override
            public Object newInstance(Object ignored) throws NoSuchAlgorithmException {
                return new NoCryptoSignature();
            }
        });
    }

    private static final class NoCryptoSignature extends SignatureSpi {
        private final CRC32C crc = new CRC32C();
        private int keyTag;

        private void init(Key key) throws InvalidKeyException {
            if (!(key instanceof RSAKey rsa)) {
                throw new InvalidKeyException("an RSA key is needed");
            }
            keyTag = rsa.getModulus().hashCode();
            crc.reset();
        }

        @Override
        protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
            init(key);
        }

        @Override
        protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
            init(key);
        }

        @Override
        protected void engineUpdate(byte b) {
            crc.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            crc.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() {
            byte[] out = new byte[256];
            ByteBuffer.wrap(out).putInt(keyTag).putInt((int) crc.getValue());
            crc.reset();
            return out;
        }

        @Override
        protected boolean engineVerify(byte[] signature) {
            return Arrays.equals(signature, engineSign());
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }
}
