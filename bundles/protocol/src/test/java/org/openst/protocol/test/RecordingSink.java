package org.openst.protocol.test;

import java.util.ArrayList;
import java.util.List;
import org.openst.protocol.FrameError;
import org.openst.protocol.FrameSink;

/** Collects what a FrameDecoder delivers. */
final class RecordingSink implements FrameSink {
    final List<byte[]> frames = new ArrayList<>();
    final List<FrameError> errors = new ArrayList<>();

    @Override
    public void frame(byte[] body) {
        frames.add(body);
    }

    @Override
    public void failed(FrameError error) {
        errors.add(error);
    }
}
