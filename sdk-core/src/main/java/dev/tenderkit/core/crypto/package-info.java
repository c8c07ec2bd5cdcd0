/**
 * Keys, certificates, signatures and authenticated encryption for the wallet adapters, on the JDK
 * alone: PEM or bare base64 text ({@link dev.tenderkit.core.crypto.PemText}), private and public keys
 * ({@link dev.tenderkit.core.crypto.PrivateKeys}, {@link dev.tenderkit.core.crypto.PublicKeys}) with
 * PKCS#1 RSA keys wrapped only when asked ({@link dev.tenderkit.core.crypto.Pkcs1}), X.509
 * certificates and chains ({@link dev.tenderkit.core.crypto.Certificates}), signatures on the JCA
 * provider the user chose with the key translated once and one {@link java.security.Signature} per
 * thread ({@link dev.tenderkit.core.crypto.BoundSigner}, {@link dev.tenderkit.core.crypto.BoundVerifier}),
 * and AES-256-GCM ({@link dev.tenderkit.core.crypto.AesGcm}).
 *
 * <p>Parsing happens once, at configuration: every refusal is a
 * {@link dev.tenderkit.core.ConfigurationException} naming the setting and saying what to paste
 * instead. The {@code what} arguments let an adapter put its own words (the wallet's name for the
 * key) into those messages. Nothing here logs, and no message ever holds key material.
 */
package dev.tenderkit.core.crypto;
