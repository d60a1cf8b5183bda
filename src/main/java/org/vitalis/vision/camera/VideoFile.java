package org.vitalis.vision.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.mp4.AvcCBox;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.containers.mp4.MP4Util;
import org.jcodec.containers.mp4.boxes.Box;
import org.jcodec.containers.mp4.boxes.ChunkOffsets64Box;
import org.jcodec.containers.mp4.boxes.ChunkOffsetsBox;
import org.jcodec.containers.mp4.boxes.CompositionOffsetsBox;
import org.jcodec.containers.mp4.boxes.MovieBox;
import org.jcodec.containers.mp4.boxes.NodeBox;
import org.jcodec.containers.mp4.boxes.SampleEntry;
import org.jcodec.containers.mp4.boxes.SampleSizesBox;
import org.jcodec.containers.mp4.boxes.SampleToChunkBox;
import org.jcodec.containers.mp4.boxes.SyncSamplesBox;
import org.jcodec.containers.mp4.boxes.TimeToSampleBox;
import org.jcodec.containers.mp4.boxes.TrakBox;
import org.jcodec.containers.mp4.boxes.VideoSampleEntry;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;

/**
 * One opened MP4/MOV video, checked through before anything is decoded: a readable file of at most 2 GiB, the
 * container's boxes ({@link Mp4Layout}), a video track in a coding Vitalis plays, a frame size within limits, sample
 * tables that agree, and a first frame that decodes. Then it hands out decoded frames by their decoding index.
 * Every failure is a {@link CameraException} whose message names the file and says what is wrong; jcodec's own
 * exceptions never escape. Not for two threads at once.
 */
final class VideoFile implements AutoCloseable {
    static final long MAX_FILE_BYTES = 2L << 30;
    static final int MAX_SIDE = 16_384;
    static final long MAX_PIXELS = 40_000_000L;
    /** A 40-megapixel JPEG at the highest quality is about 30 MB. */
    static final int MAX_FRAME_BYTES = 64 << 20;
    /** Nine hours at 30 frames a second; far beyond any dermatoscope or intraoral clip. */
    static final int MAX_FRAMES = 1_000_000;
    private static final long MAX_LENGTH_NANOS = 7L * 24 * 3600 * 1_000_000_000L;

    private final String name;
    private final FileChannel channel;
    private final DemuxerTrack track;
    private final VideoCodec codec;
    private final FrameSchedule schedule;
    private final int frames;
    private final int[] syncSamples;
    private final FrameDecoder decoder;
    private final Resolution resolution;
    private int nextToRead;
    private BufferedImage first;

    private VideoFile(String name, FileChannel channel, DemuxerTrack track, VideoCodec codec, FrameSchedule schedule,
            int frames, int[] syncSamples, FrameDecoder decoder, BufferedImage first) {
        this.name = name;
        this.channel = channel;
        this.track = track;
        this.codec = codec;
        this.schedule = schedule;
        this.frames = frames;
        this.syncSamples = syncSamples;
        this.decoder = decoder;
        this.first = first;
        this.resolution = new Resolution(first.getWidth(), first.getHeight());
        this.nextToRead = 1;
    }

    static VideoFile open(Path file) throws CameraException {
        JcodecLog.install();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long size = checkFile(file, name);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        try {
            Mp4Layout.Layout layout = Mp4Layout.read(channel, size, name);
            if (layout.fragmented()) {
                throw new CameraException(name + " is a fragmented MP4 (written in pieces, as live streams are); "
                        + VideoCodec.SUPPORTED + " that have one index.");
            }
            return inspect(name, channel, size);
        } catch (CameraException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw unreadable(name, e);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // jcodec met something its parser does not expect; all Vitalis can say is that the file is damaged.
            closeQuietly(channel);
            throw new CameraException(name + " is damaged: it cannot be read as a video.", e);
        }
    }

    private static long checkFile(Path file, String name) throws CameraException {
        if (Files.isDirectory(file)) {
            throw new CameraException(name + " is a folder, not a video.");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new CameraException(name + " does not exist; it may have been moved or deleted.", e);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (!Files.isReadable(file)) {
            throw new CameraException(name + " cannot be read: this user may not open it.");
        }
        if (size == 0) {
            throw new CameraException(name + " is empty, not a video.");
        }
        if (size > MAX_FILE_BYTES) {
            throw new CameraException(String.format(Locale.ROOT, "%s is %.1f GB; Vitalis plays videos of up to 2 GB.",
                    name, size / (double) (1L << 30)));
        }
        return size;
    }

    private static VideoFile inspect(String name, FileChannel channel, long fileSize) throws IOException,
            CameraException {
        FileChannelWrapper in = new FileChannelWrapper(channel);
        MovieBox moov = MP4Util.parseFullMovieChannel(in).getMoov();
        if (moov == null) {
            throw Mp4Layout.damaged(name);
        }
        TrakBox trak = Arrays.stream(moov.getTracks()).filter(TrakBox::isVideo).findFirst().orElseThrow(
                () -> new CameraException(name + " has no video track; it may hold only sound."));
        String fourcc = fourcc(trak, name);
        VideoCodec codec = VideoCodec.byFourcc(fourcc).orElseThrow(() -> new CameraException(name + " is coded as "
                + VideoCodec.describe(fourcc) + "; " + VideoCodec.SUPPORTED + "."));
        SampleEntry[] entries = trak.getSampleEntries();
        if (entries.length == 0 || !(entries[0] instanceof VideoSampleEntry entry)) {
            throw Mp4Layout.damaged(name);
        }
        checkSize(entry.getWidth(), entry.getHeight(), name);
        Samples samples = Samples.read(trak, fileSize, name);
        FrameSchedule schedule = FrameSchedule.of(Arrays.copyOf(samples.presentation, samples.complete),
                Arrays.copyOf(samples.durations, samples.complete), samples.timescale);

        in.setPosition(0);
        MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(in);
        DemuxerTrack track = demuxer.getVideoTrack();
        if (!(track instanceof AbstractMP4DemuxerTrack mp4)
                || mp4.getBox().getTrackHeader().getTrackId() != trak.getTrackHeader().getTrackId()) {
            throw Mp4Layout.damaged(name);
        }
        DemuxerTrackMeta meta = track.getMeta();
        Packet firstPacket = track.nextFrame();
        if (firstPacket == null || firstPacket.getData() == null) {
            throw new CameraException(name + " is cut short: its first frame is missing.");
        }
        FrameDecoder decoder = switch (codec) {
            case H264 -> h264(entry, meta, schedule.reorderDepth(), name);
            case MJPEG -> jpeg(firstPacket.getData(), meta, schedule.reorderDepth(), name);
        };
        BufferedImage first;
        try {
            first = decoder.decode(firstPacket.getData());
        } catch (FrameDecoder.BadFrame | RuntimeException e) {
            throw new CameraException(name + " cannot be played: its first frame cannot be decoded. "
                    + VideoCodec.SUPPORTED + ".", e);
        }
        return new VideoFile(name, channel, track, codec, schedule, samples.presentation.length, samples.sync,
                decoder, first);
    }

    private static String fourcc(TrakBox trak, String name) throws CameraException {
        NodeBox stsd = trak.getStsd();
        if (stsd == null || stsd.getBoxes().isEmpty()) {
            throw Mp4Layout.damaged(name);
        }
        Box entry = stsd.getBoxes().getFirst();
        return entry.getFourcc() == null ? "" : entry.getFourcc();
    }

    static void checkSize(long width, long height, String name) throws CameraException {
        if (width <= 0 || height <= 0) {
            throw new CameraException(name + " is damaged: it gives no frame size.");
        }
        if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
            throw new CameraException(name + " has frames of " + width + " × " + height + " pixels; Vitalis plays "
                    + "videos of up to 40 megapixels and " + MAX_SIDE + " pixels a side.");
        }
    }

    /** H.264 that jcodec decodes: progressive, 8 bits, 4:2:0 (what its decoder checks; ITU-T H.264 §7.4.2.1.1). */
    private static FrameDecoder h264(VideoSampleEntry entry, DemuxerTrackMeta meta, int reorderDepth, String name)
            throws CameraException {
        AvcCBox avcC = H264Utils.parseAVCC(entry);
        if (avcC == null || avcC.getSpsList().isEmpty() || meta.getCodecPrivate() == null) {
            throw new CameraException(name + " is damaged: its H.264 settings are missing.");
        }
        SeqParameterSet sps = SeqParameterSet.read(avcC.getSpsList().getFirst().duplicate());
        if (!sps.frameMbsOnlyFlag || sps.mbAdaptiveFrameFieldFlag) {
            throw new CameraException(name + " is interlaced H.264; " + VideoCodec.SUPPORTED
                    + " of whole (progressive) frames.");
        }
        if (sps.bitDepthLumaMinus8 != 0 || sps.bitDepthChromaMinus8 != 0) {
            throw new CameraException(name + " is H.264 with " + (8 + sps.bitDepthLumaMinus8) + "-bit colour; "
                    + VideoCodec.SUPPORTED + " with 8-bit colour.");
        }
        // jcodec reads chroma_format_idc 1 (4:2:0) as YUV420J.
        if (sps.chromaFormatIdc != ColorSpace.YUV420J && sps.chromaFormatIdc != ColorSpace.YUV420) {
            throw new CameraException(name + " is H.264 with " + (sps.chromaFormatIdc == ColorSpace.MONO
                    ? "no colour" : "full-resolution colour (4:2:2 or 4:4:4)") + "; " + VideoCodec.SUPPORTED
                    + " with 4:2:0 colour, as cameras record.");
        }
        long w = FrameDecoder.H264.macroblocksWide(sps) * 16L;
        long h = FrameDecoder.H264.macroblocksHigh(sps) * 16L;
        checkSize(w, h, name);
        // The decoder keeps a copy of every reference frame: 1.5 bytes a pixel each (4:2:0), plus the output.
        checkMemory(name, w * h * 3 / 2 * (Math.min(sps.numRefFrames, 16) + 2), w * h, reorderDepth);
        return new FrameDecoder.H264(meta.getCodecPrivate(), sps, meta.getOrientation());
    }

    private static FrameDecoder jpeg(ByteBuffer firstFrame, DemuxerTrackMeta meta, int reorderDepth, String name)
            throws CameraException {
        var header = new org.jcodec.codecs.mjpeg.JpegDecoder().getCodecMeta(firstFrame.duplicate());
        if (header == null || header.getSize() == null) {
            throw new CameraException(name + " is damaged: its first frame is not a JPEG picture.");
        }
        int w = header.getSize().getWidth();
        int h = header.getSize().getHeight();
        checkSize(w, h, name);
        long planes = 3L * FrameDecoder.aligned(w) * FrameDecoder.aligned(h);
        checkMemory(name, planes, (long) w * h, reorderDepth);
        return new FrameDecoder.Jpeg(w, h, meta.getOrientation());
    }

    /**
     * Refuses a video this station has too little memory to play, before the decoder allocates: its working memory
     * plus the RGB pictures waiting to be shown (four bytes a pixel).
     */
    private static void checkMemory(String name, long decoderBytes, long pixels, int reorderDepth)
            throws CameraException {
        long need = decoderBytes + pixels * 4 * (reorderDepth + 3L);
        long spare = Runtime.getRuntime().maxMemory() / 2;
        if (need > spare) {
            throw new CameraException(name + " needs about " + (need >> 20) + " MB of memory to play; this station "
                    + "can spare " + (spare >> 20) + " MB.");
        }
    }

    /** The sample tables (ISO/IEC 14496-12 §8.6–8.7) of the video track, checked against each other and the file. */
    private record Samples(long[] presentation, long[] durations, long timescale, int complete, int[] sync) {
        static Samples read(TrakBox trak, long fileSize, String name) throws CameraException {
            SampleSizesBox stsz = trak.getStsz();
            TimeToSampleBox stts = trak.getStts();
            SampleToChunkBox stsc = trak.getStsc();
            if (stsz == null || stts == null || stsc == null) {
                throw Mp4Layout.damaged(name);
            }
            int n = stsz.getCount();
            if (n <= 0) {
                throw new CameraException(name + " holds no frames.");
            }
            if (n > MAX_FRAMES) {
                throw new CameraException(name + " has " + n + " frames; Vitalis plays videos of up to "
                        + MAX_FRAMES + " frames.");
            }
            int[] sizes = sizes(stsz, n, name);
            long timescale = trak.getTimescale();
            if (timescale <= 0) {
                throw Mp4Layout.damaged(name);
            }
            long[] durations = new long[n];
            long[] presentation = new long[n];
            int i = 0;
            long dts = 0;
            for (TimeToSampleBox.TimeToSampleEntry e : stts.getEntries()) {
                if (e.getSampleCount() < 0 || e.getSampleDuration() < 0) {
                    throw Mp4Layout.damaged(name);
                }
                for (int j = 0; j < e.getSampleCount() && i < n; j++, i++) {
                    durations[i] = e.getSampleDuration();
                    presentation[i] = dts;
                    dts += e.getSampleDuration();
                }
            }
            if (i < n) {
                throw Mp4Layout.damaged(name);
            }
            if (FrameSchedule.nanos(dts, timescale) > MAX_LENGTH_NANOS) {
                throw new CameraException(name + " is damaged: its timing claims a recording of more than a week.");
            }
            CompositionOffsetsBox ctts = NodeBox.findFirstPath(trak, CompositionOffsetsBox.class,
                    new String[] {"mdia", "minf", "stbl", "ctts"});
            if (ctts != null) {
                i = 0;
                for (CompositionOffsetsBox.Entry e : ctts.getEntries()) {
                    for (int j = 0; j < e.getCount() && i < n; j++, i++) {
                        presentation[i] += e.getOffset();
                    }
                }
            }
            int complete = complete(trak, sizes, fileSize, name);
            if (complete == 0) {
                throw new CameraException(name + " is cut short: none of its " + n + " frames is in the file.");
            }
            return new Samples(presentation, durations, timescale, complete, sync(trak, n));
        }

        private static int[] sizes(SampleSizesBox stsz, int n, String name) throws CameraException {
            int[] sizes;
            if (stsz.getDefaultSize() != 0) {
                sizes = new int[n];
                Arrays.fill(sizes, stsz.getDefaultSize());
            } else {
                sizes = stsz.getSizes();
                if (sizes == null || sizes.length < n) {
                    throw Mp4Layout.damaged(name);
                }
            }
            for (int i = 0; i < n; i++) {
                if (sizes[i] < 0 || sizes[i] > MAX_FRAME_BYTES) {
                    throw new CameraException(name + " is damaged at frame " + (i + 1) + ": it claims "
                            + (Integer.toUnsignedLong(sizes[i]) >> 20) + " MB.");
                }
            }
            return sizes;
        }

        /** How many frames, in decoding order, lie wholly inside the file (a copy may have been cut short). */
        private static int complete(TrakBox trak, int[] sizes, long fileSize, String name) throws CameraException {
            long[] chunks = chunkOffsets(trak, name);
            SampleToChunkBox.SampleToChunkEntry[] runs = trak.getStsc().getSampleToChunk();
            int n = sizes.length;
            int sample = 0;
            for (int r = 0; r < runs.length && sample < n; r++) {
                long firstChunk = runs[r].getFirst() - 1;
                long endChunk = r + 1 < runs.length ? runs[r + 1].getFirst() - 1 : chunks.length;
                if (firstChunk < 0 || endChunk < firstChunk || endChunk > chunks.length || runs[r].getCount() < 0) {
                    throw Mp4Layout.damaged(name);
                }
                for (long c = firstChunk; c < endChunk && sample < n; c++) {
                    long at = chunks[(int) c];
                    for (int s = 0; s < runs[r].getCount() && sample < n; s++, sample++) {
                        at += sizes[sample];
                        if (chunks[(int) c] < 0 || at > fileSize) {
                            return sample;
                        }
                    }
                }
            }
            if (sample < n) {
                throw Mp4Layout.damaged(name);
            }
            return n;
        }

        private static long[] chunkOffsets(TrakBox trak, String name) throws CameraException {
            String[] stbl = {"mdia", "minf", "stbl"};
            ChunkOffsetsBox stco = NodeBox.findFirstPath(trak, ChunkOffsetsBox.class, path(stbl, "stco"));
            if (stco != null) {
                return stco.getChunkOffsets();
            }
            ChunkOffsets64Box co64 = NodeBox.findFirstPath(trak, ChunkOffsets64Box.class, path(stbl, "co64"));
            if (co64 != null) {
                return co64.getChunkOffsets();
            }
            throw Mp4Layout.damaged(name);
        }

        private static String[] path(String[] parent, String leaf) {
            String[] p = Arrays.copyOf(parent, parent.length + 1);
            p[parent.length] = leaf;
            return p;
        }

        /** Frames a decoder can start from (decoding index, ascending); without a table, every frame (§8.6.2). */
        private static int[] sync(TrakBox trak, int n) {
            SyncSamplesBox stss = trak.getStss();
            if (stss == null || stss.getSyncSamples() == null) {
                return null;
            }
            int[] sync = Arrays.stream(stss.getSyncSamples()).map(s -> s - 1).filter(s -> s >= 0 && s < n).sorted()
                    .distinct().toArray();
            return sync.length == 0 || sync[0] != 0 ? withFirst(sync) : sync;
        }

        /** The first frame of a playable file decodes on its own (its first frame was decoded to open it). */
        private static int[] withFirst(int[] sync) {
            int[] s = new int[sync.length + 1];
            System.arraycopy(sync, 0, s, 1, sync.length);
            return s;
        }
    }

    String name() {
        return name;
    }

    VideoCodec codec() {
        return codec;
    }

    Resolution resolution() {
        return resolution;
    }

    FrameSchedule schedule() {
        return schedule;
    }

    /** Frames the file's index lists; more than {@link FrameSchedule#frames()} when the file is cut short. */
    int listedFrames() {
        return frames;
    }

    /** The last frame at or before {@code decodeIndex} that decodes on its own. */
    int syncAtOrBefore(int decodeIndex) {
        if (syncSamples == null) {
            return decodeIndex;
        }
        int k = Arrays.binarySearch(syncSamples, decodeIndex);
        return k >= 0 ? syncSamples[k] : syncSamples[Math.max(0, -k - 2)];
    }

    /** The index of the frame the next {@link #decode} call reads without seeking. */
    int nextToRead() {
        return nextToRead;
    }

    /**
     * The frame at {@code decodeIndex}. Reading anywhere but {@link #nextToRead()} seeks, so callers start from a
     * sync frame ({@link #syncAtOrBefore}) and go on in order.
     *
     * @throws CameraException {@linkplain CameraException#isFrameOnly() frame only} when this frame is damaged;
     *         otherwise when the file can no longer be read
     */
    BufferedImage decode(int decodeIndex) throws CameraException {
        if (decodeIndex == 0 && first != null) {
            // The frame decoded to open the file; the decoder has seen it, so reading goes on from frame 1.
            BufferedImage f = first;
            first = null;
            nextToRead = 1;
            return f;
        }
        first = null;
        Packet packet;
        try {
            if (decodeIndex != nextToRead && !((AbstractMP4DemuxerTrack) track).gotoFrame(decodeIndex)) {
                throw damagedFrame(decodeIndex, null, null);
            }
            nextToRead = decodeIndex + 1;
            packet = track.nextFrame();
        } catch (IOException e) {
            throw unreadable(name, e);
        } catch (RuntimeException | OutOfMemoryError e) {
            throw damagedFrame(decodeIndex, null, e);
        }
        if (packet == null || packet.getData() == null) {
            throw damagedFrame(decodeIndex, null, null);
        }
        try {
            return decoder.decode(packet.getData());
        } catch (FrameDecoder.BadFrame e) {
            throw damagedFrame(decodeIndex, e.getMessage(), e);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw damagedFrame(decodeIndex, null, e);
        }
    }

    private CameraException damagedFrame(int decodeIndex, String why, Throwable cause) {
        int display = schedule.displayIndexOf(decodeIndex);
        RecordingPosition at = new RecordingPosition(name, schedule.timeOf(display));
        return CameraException.frameOnly(name + " is damaged at frame " + (display + 1) + " (" + at.time() + ")"
                + (why == null ? "" : ": it " + why) + "; that frame is skipped.", cause);
    }

    private static CameraException unreadable(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new CameraException(name + " does not exist; it may have been moved or deleted.", e);
        }
        if (e instanceof AccessDeniedException) {
            return new CameraException(name + " cannot be read: this user may not open it.", e);
        }
        return new CameraException(name + " cannot be read: " + e.getMessage(), e);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written; the failure that brought us here is the one to report
        }
    }

    @Override
    public void close() {
        first = null;
        closeQuietly(channel);
    }
}
