package org.vitalis.vision.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.write.CAVLCWriter;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.BitWriter;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Packet;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A P slice whose reference list modification runs off the end of its data makes jcodec 0.2.5 loop for ever (its bit
 * reader gives zeros past the end, and the list ends only at idc 3). The guard refuses such a slice before jcodec sees
 * it, and lets real slices through. The slices are written bit by bit to the parameter sets of a real jcodec file.
 */
class H264SliceGuardTest {
    @TempDir
    Path dir;

    private record Track(ByteBuffer codecPrivate, SeqParameterSet sps, PictureParameterSet pps, ByteBuffer second) {
    }

    private Track track() throws Exception {
        Path file = TestVideos.h264(dir.resolve("real.mp4"), 64, 48, 10, 3);
        try (SeekableByteChannel in = NIOUtils.readableChannel(file.toFile())) {
            var video = MP4Demuxer.createMP4Demuxer(in).getVideoTrack();
            DemuxerTrackMeta meta = video.getMeta();
            Packet first = video.nextFrame();
            Packet second = video.nextFrame();
            ByteBuffer cp = meta.getCodecPrivate();
            SeqParameterSet sps = SeqParameterSet.read(H264Utils.getRawSPS(cp.duplicate()).getFirst());
            PictureParameterSet pps = PictureParameterSet.read(H264Utils.getRawPPS(cp.duplicate()).getFirst());
            assertThat(first).isNotNull();
            return new Track(cp, sps, pps, second.getData());
        }
    }

    /** A non-IDR P slice header up to its reference list modification, which names {@code entries} pictures. */
    private static ByteBuffer pSlice(Track t, int entries, boolean ended) {
        ByteBuffer out = ByteBuffer.allocate(64);
        out.put(new byte[] {0, 0, 0, 1, 0x41});
        BitWriter w = new BitWriter(out);
        CAVLCWriter.writeUE(w, 0); // first_mb_in_slice
        CAVLCWriter.writeUE(w, 0); // slice_type P
        CAVLCWriter.writeUE(w, t.pps().picParameterSetId);
        CAVLCWriter.writeU(w, 1, t.sps().log2MaxFrameNumMinus4 + 4); // frame_num
        if (t.sps().picOrderCntType == 0) {
            CAVLCWriter.writeU(w, 2, t.sps().log2MaxPicOrderCntLsbMinus4 + 4);
            if (t.pps().picOrderPresentFlag) {
                CAVLCWriter.writeSE(w, 0);
            }
        }
        CAVLCWriter.writeBool(w, false, "num_ref_idx_active_override_flag");
        CAVLCWriter.writeBool(w, true, "ref_pic_list_reordering_flag_l0");
        for (int i = 0; i < entries; i++) {
            CAVLCWriter.writeUE(w, 0);
            CAVLCWriter.writeUE(w, 0);
        }
        if (ended) {
            CAVLCWriter.writeUE(w, 3);
        }
        w.write1Bit(1); // rbsp_stop_one_bit
        w.flush();
        out.flip();
        return out;
    }

    @Test
    void aReferenceListRunningOffTheSliceIsRefusedBeforeJcodecLoopsOnIt() throws Exception {
        Track t = track();
        FrameDecoder decoder = new FrameDecoder.H264(t.codecPrivate(), t.sps(), null);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> decoder.decode(pSlice(t, 1, false))).isInstanceOf(FrameDecoder.BadFrame.class);
            assertThatThrownBy(() -> decoder.decode(pSlice(t, 40, true))).as("more entries than H.264 allows")
                    .isInstanceOf(FrameDecoder.BadFrame.class);
        });
    }

    @Test
    void realSlicesAndAWellEndedListPassTheGuard() throws Exception {
        Track t = track();
        H264SliceGuard guard = new H264SliceGuard();
        guard.learn(t.codecPrivate());
        guard.check(t.second());
        guard.check(pSlice(t, 1, true));
    }
}
