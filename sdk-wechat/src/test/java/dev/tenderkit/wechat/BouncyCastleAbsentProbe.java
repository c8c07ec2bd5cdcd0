package dev.tenderkit.wechat;

import dev.tenderkit.core.ConfigurationException;

/**
 * Run in a child JVM whose class path lacks BouncyCastle ({@link BouncyCastleAbsentTest}): RSA
 * credentials build and sign a request, SM2 credentials fail at {@code build()} with the setting and
 * the Maven coordinates. Prints one line per finding; exits 0 only if all hold.
 */
final class BouncyCastleAbsentProbe {
    private BouncyCastleAbsentProbe() {
    }

    public static void main(String[] args) {
        try {
            Class.forName(SigningScheme.BOUNCY_CASTLE_CLASS);
            System.out.println("bouncycastle: present");
            System.exit(2);
        } catch (ClassNotFoundException e) {
            System.out.println("bouncycastle: absent");
        }
        WeChatPayCredentials rsa = Fixtures.base().wechatPayPublicKey(Fixtures.text("wechat-pub.pem"), Fixtures.PUB_KEY_ID)
                .build();
        String auth = new RequestSigner(rsa).authorization("GET", "/v3/certificates", "", 1L, "n");
        System.out.println("rsa: " + auth.substring(0, auth.indexOf(' ')));
        try {
            Fixtures.base().signingScheme(SigningScheme.SM2)
                    .wechatPayPublicKey(Fixtures.text("wechat-pub.pem"), Fixtures.PUB_KEY_ID).build();
            System.out.println("sm2: built");
            System.exit(3);
        } catch (ConfigurationException e) {
            System.out.println("sm2: " + e.setting() + ": " + e.getMessage());
        }
        System.exit(0);
    }
}
