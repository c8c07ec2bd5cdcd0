package dev.tenderkit.transport.serial.ecr;

import dev.tenderkit.core.InvalidInputException;
import dev.tenderkit.core.money.Money;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns ECR messages into frame payloads and back. A payload is UTF-8 text: the message type,
 * then {@code name=value} fields, all separated by the unit separator US (0x1F); see the module
 * README for every type and field. Unknown fields are ignored (for forward compatibility);
 * missing or malformed ones are refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class EcrMessageCodec {

    /** Separates the type and the fields. */
    public static final char SEPARATOR = 0x1F;

    private EcrMessageCodec() {
    }

    /** @param request a request @return its payload */
    public static byte[] encode(EcrRequest request) {
        Fields f;
        if (request instanceof EcrRequest.Sale s) {
            f = new Fields("SALE", s.requestId()).put("amount", fen(s.amount())).put("order", s.orderId());
        } else if (request instanceof EcrRequest.Refund r) {
            f = new Fields("REFUND", r.requestId()).put("amount", fen(r.amount())).put("trade", r.tradeNo());
        } else if (request instanceof EcrRequest.VoidTrade v) {
            f = new Fields("VOID", v.requestId()).put("trade", v.tradeNo());
        } else if (request instanceof EcrRequest.StatusQuery q) {
            f = new Fields("STATUS", q.requestId());
        } else {
            EcrRequest.LastResultQuery q = (EcrRequest.LastResultQuery) request;
            f = new Fields("LAST", q.requestId()).put("of", q.ofRequestId());
        }
        return f.bytes();
    }

    /** @param response a response @return its payload */
    public static byte[] encode(EcrResponse response) {
        Fields f;
        if (response instanceof EcrResponse.TransactionResult r) {
            f = result(new Fields("RESULT", r.requestId()), r);
        } else if (response instanceof EcrResponse.LastResult l) {
            f = new Fields("LASTRESULT", l.requestId()).put("of", l.ofRequestId())
                    .put("found", l.result().isPresent() ? "Y" : "N");
            if (l.result().isPresent()) {
                result(f, l.result().get());
            }
        } else if (response instanceof EcrResponse.TerminalStatus s) {
            f = new Fields("STATE", s.requestId()).put("state", s.state().name());
        } else {
            EcrResponse.Rejected r = (EcrResponse.Rejected) response;
            f = new Fields("REJECT", r.requestId()).put("reason", r.reason().name()).put("detail", r.detail());
        }
        return f.bytes();
    }

    private static Fields result(Fields f, EcrResponse.TransactionResult r) {
        f.put("status", r.status().name()).put("amount", fen(r.amount()));
        r.tradeNo().ifPresent(t -> f.put("trade", t));
        r.fundingSource().ifPresent(s -> f.put("funding", s));
        r.reason().ifPresent(s -> f.put("text", s));
        return f;
    }

    /**
     * @param payload a frame payload
     * @return the request it holds
     * @throws InvalidInputException naming the field that is missing or malformed ({@code "message"}
     *     for the whole: not UTF-8, unknown type)
     */
    public static EcrRequest decodeRequest(byte[] payload) {
        Parsed p = parse(payload);
        return switch (p.type) {
            case "SALE" -> new EcrRequest.Sale(p.id(), p.amount(), p.get("order"));
            case "REFUND" -> new EcrRequest.Refund(p.id(), p.amount(), p.get("trade"));
            case "VOID" -> new EcrRequest.VoidTrade(p.id(), p.get("trade"));
            case "STATUS" -> new EcrRequest.StatusQuery(p.id());
            case "LAST" -> new EcrRequest.LastResultQuery(p.id(), p.get("of"));
            default -> throw new InvalidInputException("message", "unknown request type " + quote(p.type));
        };
    }

    /**
     * @param payload a frame payload
     * @return the response it holds
     * @throws InvalidInputException naming the field that is missing or malformed
     */
    public static EcrResponse decodeResponse(byte[] payload) {
        Parsed p = parse(payload);
        return switch (p.type) {
            case "RESULT" -> p.result(p.id());
            case "LASTRESULT" -> {
                String of = p.get("of");
                String found = p.get("found");
                if (!found.equals("Y") && !found.equals("N")) {
                    throw new InvalidInputException("found", "must be Y or N, was " + quote(found));
                }
                yield new EcrResponse.LastResult(p.id(), of, found.equals("Y") ? Optional.of(p.result(of))
                        : Optional.empty());
            }
            case "STATE" -> new EcrResponse.TerminalStatus(p.id(), p.enumOf("state", TerminalState.class));
            case "REJECT" -> new EcrResponse.Rejected(p.fields.getOrDefault("id", "-"),
                    p.enumOf("reason", RejectReason.class), p.get("detail"));
            default -> throw new InvalidInputException("message", "unknown response type " + quote(p.type));
        };
    }

    /**
     * Best effort for refusing a message that could not be decoded: its {@code id} field if it has
     * a well-formed one.
     *
     * @param payload a frame payload
     * @return the request id, or empty
     */
    public static Optional<String> requestIdOf(byte[] payload) {
        try {
            String id = parse(payload).fields.get("id");
            return id == null ? Optional.empty() : Optional.of(EcrFields.requestId("id", id));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static String fen(Money amount) {
        return Long.toString(amount.fen());
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 20 ? s.substring(0, 20) + "..." : s) + "\"";
    }

    private static Parsed parse(byte[] payload) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("message", "is not UTF-8");
        }
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("message", "field " + i + " is not name=value");
            }
            String name = parts[i].substring(0, eq);
            if (fields.put(name, parts[i].substring(eq + 1)) != null) {
                throw new InvalidInputException(name, "appears twice");
            }
        }
        return new Parsed(parts[0], fields);
    }

    /** A message split into its type and fields. */
    private record Parsed(String type, Map<String, String> fields) {

        String get(String name) {
            String value = fields.get(name);
            if (value == null) {
                throw new InvalidInputException(name, "is missing from " + type);
            }
            return value;
        }

        Optional<String> optional(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        String id() {
            return get("id");
        }

        Money amount() {
            String value = get("amount");
            if (value.isEmpty() || value.length() > 13 || (value.length() > 1 && value.charAt(0) == '0')) {
                throw new InvalidInputException("amount", "must be fen as 1 to 13 digits without leading zeros");
            }
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                    throw new InvalidInputException("amount", "must be fen in ASCII digits");
                }
            }
            return Money.ofFen(Long.parseLong(value));
        }

        <E extends Enum<E>> E enumOf(String name, Class<E> type) {
            String value = get(name);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            throw new InvalidInputException(name, "unknown value " + quote(value));
        }

        EcrResponse.TransactionResult result(String requestId) {
            return new EcrResponse.TransactionResult(requestId, enumOf("status", TransactionStatus.class), amount(),
                    optional("trade"), optional("funding"), optional("text"));
        }
    }

    /** Builds a payload. */
    private static final class Fields {
        private final StringBuilder text = new StringBuilder();

        Fields(String type, String id) {
            text.append(type);
            put("id", id);
        }

        Fields put(String name, String value) {
            text.append(SEPARATOR).append(name).append('=').append(value);
            return this;
        }

        byte[] bytes() {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
