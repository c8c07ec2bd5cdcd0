/**
 * The wallet SPI: exactly what a wallet module (sdk-alipay, sdk-wechat, a simulator) implements
 * and returns. A module implements {@link dev.tenderkit.core.payment.spi.PaymentGateway}; the
 * engine sends it {@link dev.tenderkit.core.payment.spi.PayRequest},
 * {@link dev.tenderkit.core.payment.spi.PrecreateRequest} and
 * {@link dev.tenderkit.core.payment.spi.RefundRequest} for a
 * {@link dev.tenderkit.core.payment.spi.TradeRef}, and the module answers with the sealed results,
 * which keep "definitely failed" apart from "outcome unknown" (unknown means the engine queries).
 * A confirmed charge is a {@link dev.tenderkit.core.payment.spi.Payment} with its
 * {@link dev.tenderkit.core.payment.spi.FundingSource}; a verified refusal a
 * {@link dev.tenderkit.core.payment.spi.GatewayError}; the module's waiting rules its
 * {@link dev.tenderkit.core.payment.spi.GatewayTiming}.
 *
 * <p>Integrators do not implement anything here: they use {@code dev.tenderkit.core.payment}.
 */
package dev.tenderkit.core.payment.spi;
