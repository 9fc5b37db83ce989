package org.openst.protocol.test;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;
import org.openst.protocol.im.ImPayload;

/** Random mutations and truncations of valid bodies must only ever raise ProtocolException. */
class FuzzTest {
    private static final int ROUNDS = 40_000;

    @Test
    void mutatedBodiesOnlyThrowProtocolException() {
        Random rnd = new Random(0x5A11E);
        List<byte[]> bodies = Samples.all().stream().map(MessageCodec::encode).toList();
        long start = System.nanoTime();
        int rejected = 0;
        for (int i = 0; i < ROUNDS; i++) {
            byte[] b = mutate(bodies.get(rnd.nextInt(bodies.size())), rnd);
            try {
                MessageCodec.encode(MessageCodec.decode(b)); // decoded messages must also re-encode
            } catch (ProtocolException expected) {
                rejected++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("input " + org.openst.protocol.Hex.of(b) + " gave " + e, e);
            }
        }
        assertTrue(rejected > ROUNDS / 10, "mutations should often be rejected: " + rejected);
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "fuzzing must stay fast");
    }

    @Test
    void mutatedPayloadsOnlyThrowProtocolException() {
        Random rnd = new Random(42);
        byte[][] seeds = {new ImPayload.Text("hello").encode(), new ImPayload.Typing(true).encode(),
            ImPayload.Data.html("<b>x</b>").encode()};
        for (int i = 0; i < 5_000; i++) {
            byte[] b = mutate(seeds[rnd.nextInt(seeds.length)], rnd);
            try {
                ImPayload.decode(b);
            } catch (ProtocolException expected) {
                // fine
            }
            try {
                AwareSnapshot.read(new WireReader(b));
            } catch (ProtocolException expected) {
                // fine
            }
        }
    }

    private static byte[] mutate(byte[] in, Random rnd) {
        byte[] b = in.clone();
        switch (rnd.nextInt(4)) {
            case 0: // truncate
                return Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            case 1: // flip a few bytes
                for (int n = 1 + rnd.nextInt(3); n > 0 && b.length > 0; n--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                return b;
            case 2: // set a byte to an extreme, typical for length fields
                if (b.length > 0) {
                    b[rnd.nextInt(b.length)] = rnd.nextBoolean() ? (byte) 0xFF : (byte) 0x7F;
                }
                return b;
            default: // append garbage
                byte[] longer = Arrays.copyOf(b, b.length + 1 + rnd.nextInt(8));
                for (int i = b.length; i < longer.length; i++) {
                    longer[i] = (byte) rnd.nextInt(256);
                }
                return longer;
        }
    }
}
