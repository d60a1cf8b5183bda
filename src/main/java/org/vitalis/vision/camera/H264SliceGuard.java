package org.vitalis.vision.camera;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.decode.CAVLCReader;
import org.jcodec.codecs.h264.decode.SliceHeaderReader;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.NALUnitType;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceHeader;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.io.BitReader;

/**
 * Reads each H.264 slice header as far as jcodec 0.2.5 would loop forever on it, before jcodec decodes the frame.
 * jcodec's bit reader returns zeros past the end of a slice, and its reading of the reference list modification
 * (ITU-T H.264 §7.3.3.1) stops only at reordering_of_pic_nums_idc 3, which zeros never spell: a slice cut short there
 * would hang the caller's thread. This guard reads the same fields in the same order (SliceHeaderReader.readPart1 and
 * the start of readPart2), with jcodec's own readers, and refuses a slice whose list runs past its end, or that asks
 * for more reference pictures than H.264 allows (32), which jcodec would allocate tables for. It keeps its own copy of
 * the parameter sets, fed from the same NAL units.
 */
final class H264SliceGuard {
    /** ITU-T H.264 §7.4.3: num_ref_idx_l0/l1_active_minus1 lie in 0..31. */
    private static final int MAX_REF_IDX_MINUS1 = 31;

    private final Map<Integer, SeqParameterSet> sps = new HashMap<>();
    private final Map<Integer, PictureParameterSet> pps = new HashMap<>();

    /** Learns the parameter sets in {@code annexB} (the track's settings, or a frame). */
    void learn(ByteBuffer annexB) {
        try {
            walk(annexB, false);
        } catch (FrameDecoder.BadFrame e) {
            throw new IllegalStateException("slices are not checked while learning", e);
        }
    }

    /** Checks every slice of one frame (NAL units with start codes), learning its parameter sets on the way. */
    void check(ByteBuffer frame) throws FrameDecoder.BadFrame {
        walk(frame, true);
    }

    private void walk(ByteBuffer annexB, boolean checkSlices) throws FrameDecoder.BadFrame {
        for (ByteBuffer nal : H264Utils.splitFrame(annexB.duplicate())) {
            ByteBuffer copy = unescapedCopy(nal);
            NALUnit unit = NALUnit.read(copy);
            if (unit.type == NALUnitType.SPS) {
                SeqParameterSet s = SeqParameterSet.read(copy);
                sps.put(s.seqParameterSetId, s);
            } else if (unit.type == NALUnitType.PPS) {
                PictureParameterSet p = PictureParameterSet.read(copy);
                pps.put(p.picParameterSetId, p);
            } else if (checkSlices
                    && (unit.type == NALUnitType.IDR_SLICE || unit.type == NALUnitType.NON_IDR_SLICE)) {
                checkSlice(unit, BitReader.createBitReader(copy));
            }
        }
    }

    /** jcodec unescapes NAL units in place; the guard must not change the bytes jcodec will read. */
    private static ByteBuffer unescapedCopy(ByteBuffer nal) {
        ByteBuffer copy = ByteBuffer.allocate(nal.remaining());
        copy.put(nal.duplicate()).flip();
        H264Utils.unescapeNAL(copy);
        return copy;
    }

    private void checkSlice(NALUnit unit, BitReader in) throws FrameDecoder.BadFrame {
        SliceHeader sh = SliceHeaderReader.readPart1(in);
        PictureParameterSet p = pps.get(sh.picParameterSetId);
        SeqParameterSet s = p == null ? null : sps.get(p.seqParameterSetId);
        if (p == null || s == null) {
            // jcodec cannot decode it either; it fails, it does not hang
            return;
        }
        CAVLCReader.readU(in, s.log2MaxFrameNumMinus4 + 4, "frame_num");
        if (!s.frameMbsOnlyFlag && CAVLCReader.readBool(in, "field_pic_flag")) {
            CAVLCReader.readBool(in, "bottom_field_flag");
        }
        if (unit.type == NALUnitType.IDR_SLICE) {
            CAVLCReader.readUE(in);
        }
        if (s.picOrderCntType == 0) {
            CAVLCReader.readU(in, s.log2MaxPicOrderCntLsbMinus4 + 4, "pic_order_cnt_lsb");
            // jcodec tests the SPS's field flag here, not the slice's; the same is read.
            if (p.picOrderPresentFlag && !s.fieldPicFlag) {
                CAVLCReader.readSE(in, "delta_pic_order_cnt_bottom");
            }
        }
        if (s.picOrderCntType == 1 && !s.deltaPicOrderAlwaysZeroFlag) {
            CAVLCReader.readSE(in, "delta_pic_order_cnt[0]");
            if (p.picOrderPresentFlag && !s.fieldPicFlag) {
                CAVLCReader.readSE(in, "delta_pic_order_cnt[1]");
            }
        }
        if (p.redundantPicCntPresentFlag) {
            CAVLCReader.readUE(in);
        }
        SliceType type = sh.sliceType;
        if (type == SliceType.B) {
            CAVLCReader.readBool(in, "direct_spatial_mv_pred_flag");
        }
        if ((type == SliceType.P || type == SliceType.SP || type == SliceType.B)
                && CAVLCReader.readBool(in, "num_ref_idx_active_override_flag")) {
            checkRefCount(CAVLCReader.readUE(in));
            if (type == SliceType.B) {
                checkRefCount(CAVLCReader.readUE(in));
            }
        }
        if (type.isInter() && CAVLCReader.readBool(in, "ref_pic_list_reordering_flag_l0")) {
            checkReordering(in);
        }
        if (type == SliceType.B && CAVLCReader.readBool(in, "ref_pic_list_reordering_flag_l1")) {
            checkReordering(in);
        }
    }

    private static void checkRefCount(int minus1) throws FrameDecoder.BadFrame {
        if (minus1 < 0 || minus1 > MAX_REF_IDX_MINUS1) {
            throw new FrameDecoder.BadFrame(null);
        }
    }

    /** Each entry names one reference picture: at most 32 (and a list that ends), within the slice's bits. */
    private static void checkReordering(BitReader in) throws FrameDecoder.BadFrame {
        for (int entries = 0; entries <= MAX_REF_IDX_MINUS1 + 1; entries++) {
            if (in.remaining() <= 0) {
                throw new FrameDecoder.BadFrame(null);
            }
            if (CAVLCReader.readUE(in) == 3) {
                return;
            }
            CAVLCReader.readUE(in);
        }
        throw new FrameDecoder.BadFrame(null);
    }
}
