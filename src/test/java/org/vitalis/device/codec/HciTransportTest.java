package org.vitalis.device.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * H4 framing, HCI commands and events, and L2CAP over ACL, against byte vectors written out from the formats of the
 * Core Specification v5.4 (Vol 4, Part A, 2; Part E, 5.4 and 7; Vol 3, Part A, 3.1).
 */
class HciTransportTest {
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    @Test
    void commandsAreEncodedAsTheSpecificationLaysThemOut() {
        assertThat(hex(HciCommands.reset())).isEqualTo("01030C00");
        // Default mask 0x00001FFFFFFFFFFF plus bit 61 (LE Meta), little-endian.
        assertThat(hex(HciCommands.setEventMask(HciCommands.EVENT_MASK_WITH_LE_META)))
                .isEqualTo("01010C08FFFFFFFFFF1F0020");
        assertThat(hex(HciCommands.leReadBufferSize())).isEqualTo("01022000");
        assertThat(hex(HciCommands.readBufferSize())).isEqualTo("01051000");
        BdAddress own = BdAddress.parse("C1:22:33:44:55:66", BdAddress.RANDOM);
        assertThat(hex(HciCommands.leSetRandomAddress(own))).isEqualTo("0105200666554433 22C1".replace(" ", ""));
        // Active scanning, interval 0x0060, window 0x0030, own address random, accept all advertisers.
        assertThat(hex(HciCommands.leSetScanParameters(true, 0x60, 0x30, BdAddress.RANDOM)))
                .isEqualTo("010B2007016000300001" + "00");
        assertThat(hex(HciCommands.leSetScanEnable(true, true))).isEqualTo("010C20020101");
        BdAddress peer = BdAddress.parse("C0:11:22:33:44:55", BdAddress.RANDOM);
        assertThat(hex(HciCommands.leCreateConnection(peer, BdAddress.RANDOM, 0x60, 0x30, 0x18, 0x28, 0, 0x1F4)))
                .isEqualTo("010D2019" + "6000" + "3000" + "00" + "01" + "554433221 1C0".replace(" ", "") + "01"
                        + "1800" + "2800" + "0000" + "F401" + "0000" + "0000");
        assertThat(hex(HciCommands.leCreateConnectionCancel())).isEqualTo("010E2000");
        assertThat(hex(HciCommands.disconnect(0x0040, 0x13))).isEqualTo("0106040340" + "0013");
        assertThat(HciCommands.name(HciCommands.LE_SET_SCAN_ENABLE)).isEqualTo("LE Set Scan Enable");
        assertThat(HciCommands.name(0x2099)).isEqualTo("opcode 0x2099");
    }

    @Test
    void eventsAreDecodedFieldByField() {
        H4Decoder d = H4Decoder.fromController();
        List<HciPacket> p = d.feed(hex("04 0E 04 01 03 0C 00"
                + "04 0E 07 01 02 20 00 1B 00 04"
                + "04 0E 0B 01 05 10 00 FB 00 00 08 00 00 00"
                + "04 0F 04 00 01 0D 20"
                + "04 05 04 00 40 00 08"
                + "04 13 05 01 40 00 02 00"
                + "04 3E 13 01 00 40 00 00 01 55 44 33 22 11 C0 28 00 00 00 F4 01 00"));
        assertThat(p).hasSize(7);
        HciEvent.CommandComplete reset = (HciEvent.CommandComplete) p.get(0);
        assertThat(reset.opcode()).isEqualTo(HciCommands.RESET);
        assertThat(reset.status()).isZero();
        assertThat(reset.numCommandPackets()).isEqualTo(1);
        assertThat(HciCommands.leBufferSize((HciEvent.CommandComplete) p.get(1)))
                .isEqualTo(new HciCommands.BufferSize(27, 4));
        assertThat(HciCommands.bufferSize((HciEvent.CommandComplete) p.get(2)))
                .isEqualTo(new HciCommands.BufferSize(251, 8));
        assertThat(p.get(3)).isEqualTo(new HciEvent.CommandStatus(0, 1, HciCommands.LE_CREATE_CONNECTION));
        assertThat(p.get(4)).isEqualTo(new HciEvent.DisconnectionComplete(0, 0x40, 0x08));
        assertThat(p.get(5)).isEqualTo(new HciEvent.NumberOfCompletedPackets(List.of(new HciEvent.Completed(0x40, 2))));
        HciEvent.LeConnectionComplete c = (HciEvent.LeConnectionComplete) p.get(6);
        assertThat(c).isEqualTo(new HciEvent.LeConnectionComplete(false, 0, 0x40, 0,
                BdAddress.parse("C0:11:22:33:44:55", BdAddress.RANDOM), 0x28, 0, 0x1F4, 0));
        assertThat(d.bytesSkipped()).isZero();
        assertThat(d.bytesInFrames()).isEqualTo(7 + 10 + 14 + 7 + 7 + 8 + 22);
    }

    @Test
    void enhancedConnectionCompleteCarriesTheSameFieldsAfterTheResolvableAddresses() {
        HciPacket p = H4Decoder.fromController().feed(hex("04 3E 1F 0A 00 41 00 00 00 66 55 44 33 22 11"
                + "000000000000 000000000000 18 00 00 00 C8 00 01")).getFirst();
        assertThat(p).isEqualTo(new HciEvent.LeConnectionComplete(true, 0, 0x41, 0,
                BdAddress.parse("11:22:33:44:55:66", BdAddress.PUBLIC), 0x18, 0, 0xC8, 1));
    }

    @Test
    void advertisingReportsAreGroupedByIndexWithTheRssiAfterTheData() {
        byte[] adv = AdvertisingData.encode(0x06, List.of(0x1810, 0x180F), null);
        byte[] rsp = AdvertisingData.encode(null, List.of(), "Cuff");
        BdAddress a = BdAddress.parse("C0:11:22:33:44:55", BdAddress.RANDOM);
        byte[] event = HciEvents.leAdvertisingReport(List.of(
                new HciEvent.AdvertisingReport(0x00, a, adv, -58),
                new HciEvent.AdvertisingReport(0x04, a, rsp, -60)));
        assertThat(hex(event)).isEqualTo("043E" + "25" + "0202" + "00" + "01" + "5544332211C0" + "09" + "020106"
                + "050310180F18" + "C6" + "04" + "01" + "5544332211C0" + "06" + "050943756666" + "C4");
        HciEvent.LeAdvertisingReport r = (HciEvent.LeAdvertisingReport) H4Decoder.fromController().feed(event)
                .getFirst();
        assertThat(r.reports()).hasSize(2);
        assertThat(r.reports().get(0).connectable()).isTrue();
        assertThat(r.reports().get(0).rssi()).isEqualTo(-58);
        assertThat(AdvertisingData.parse(r.reports().get(0).data()).serviceUuids16()).containsExactly(0x1810, 0x180F);
        assertThat(r.reports().get(1).connectable()).isFalse();
        assertThat(AdvertisingData.parse(r.reports().get(1).data()).name()).isEqualTo("Cuff");
    }

    @Test
    void eventsWithLengthsTheSpecificationForbidsAreNotEvents() {
        assertThatThrownBy(() -> HciEvents.parse(0x05, hex("0040001300"))).isInstanceOf(CodecException.class)
                .hasMessageContaining("Disconnection Complete has 4");
        assertThatThrownBy(() -> HciEvents.parse(0x0E, hex("01030C0000"))).isInstanceOf(CodecException.class)
                .hasMessageContaining("returns 2 bytes, not 1");
        assertThatThrownBy(() -> HciEvents.parse(0x13, hex("02400001"))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> HciEvents.parse(0x3E, hex("0201000155443322 11C0 20 00 C6".replace(" ", ""))))
                .isInstanceOf(CodecException.class).hasMessageContaining("at most 31");
        assertThatThrownBy(() -> HciEvents.parse(0x7F, new byte[0])).isInstanceOf(CodecException.class);
        // A failed command may come back with its status alone.
        assertThat(((HciEvent.CommandComplete) HciEvents.parse(0x0E, hex("01022001"))).status()).isEqualTo(1);
        assertThat(HciEvents.parse(0x10, hex("01"))).isInstanceOf(HciEvent.Other.class);
    }

    @Test
    void noiseBeforeBetweenAndInsidePacketsIsSkippedAndCounted() {
        byte[] cc = hex("04 0E 04 01 03 0C 00");
        byte[] acl = hex("02 40 20 07 00 03 00 04 00 1B 0C 00");
        // "04 7F" is no event code, "02 40 30" no LE boundary flag, "04 0E 02 ..." a Command Complete too short.
        byte[] stream = concat(hex("FF 00 04 7F"), cc, hex("02 40 30 01 00 AA"), acl, hex("04 0E 02 01 03"), cc);
        H4Decoder d = H4Decoder.fromController();
        List<HciPacket> out = new ArrayList<>();
        for (byte b : stream) {
            out.addAll(d.feed(new byte[] {b}));
        }
        out.addAll(d.finish());
        assertThat(out).hasSize(3);
        assertThat(out.get(1)).isInstanceOf(HciPacket.Acl.class);
        assertThat(d.bytesSkipped()).isEqualTo(4 + 6 + 5);
        assertThat(d.resynchronisations()).isEqualTo(3);
        assertThat(d.bytesInFrames() + d.bytesSkipped()).isEqualTo(stream.length);
    }

    @Test
    void aPacketCutOffByTheEndOfTheStreamIsCountedAsSkipped() {
        H4Decoder d = H4Decoder.fromController();
        assertThat(d.feed(hex("04 0E 04 01 03"))).isEmpty();
        assertThat(d.finish()).isEmpty();
        assertThat(d.bytesSkipped()).isEqualTo(5);
    }

    @Test
    void eachDirectionTakesOnlyItsOwnPacketTypes() {
        byte[] reset = HciCommands.reset();
        H4Decoder fromController = H4Decoder.fromController();
        assertThat(fromController.feed(reset)).isEmpty();
        fromController.finish();
        assertThat(fromController.bytesSkipped()).isEqualTo(4);
        H4Decoder fromHost = H4Decoder.fromHost();
        assertThat(fromHost.feed(reset)).singleElement().satisfies(p -> {
            assertThat(p).isInstanceOf(HciPacket.Command.class);
            assertThat(((HciPacket.Command) p).opcode()).isEqualTo(HciCommands.RESET);
        });
        assertThat(fromHost.feed(hex("04 05 04 00 40 00 13"))).isEmpty();
    }

    @Test
    void l2capFramesAreSplitToTheBufferSizeAndPutBackTogether() {
        byte[] payload = new byte[60];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        List<byte[]> fromHost = L2cap.fragment(0x40, L2cap.ATT_CID, payload, 27, true);
        assertThat(fromHost).hasSize(3);
        assertThat(hex(fromHost.get(0)).substring(0, 18)).isEqualTo("0240001B003C000400");
        assertThat(hex(fromHost.get(1)).substring(0, 10)).isEqualTo("0240101B00");
        assertThat(hex(fromHost.get(2)).substring(0, 10)).isEqualTo("0240100A00");
        List<byte[]> fromController = L2cap.fragment(0x40, L2cap.ATT_CID, payload, 27, false);
        assertThat(hex(fromController.get(0)).substring(0, 6)).isEqualTo("024020");
        H4Decoder d = H4Decoder.fromController();
        L2cap.Reassembler r = new L2cap.Reassembler(512);
        List<L2cap.Frame> frames = new ArrayList<>();
        for (byte[] packet : fromController) {
            for (HciPacket p : d.feed(packet)) {
                L2cap.Frame f = r.accept((HciPacket.Acl) p);
                if (f != null) {
                    frames.add(f);
                }
            }
        }
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.cid()).isEqualTo(L2cap.ATT_CID);
            assertThat(f.handle()).isEqualTo(0x40);
            assertThat(f.payload()).isEqualTo(payload);
        });
        assertThat(r.framesDropped()).isZero();
    }

    @Test
    void brokenFragmentSequencesAreDroppedAndCounted() {
        L2cap.Reassembler r = new L2cap.Reassembler(64);
        // A continuation without a start.
        assertThat(r.accept(new HciPacket.Acl(0x40, HciPacket.Acl.CONTINUATION, 0, hex("0102")))).isNull();
        // A start announcing 10 bytes, then a new start before the rest came.
        assertThat(r.accept(new HciPacket.Acl(0x40, HciPacket.Acl.FIRST_FLUSHABLE, 0, hex("0A000400 0102".replace(" ", "")))))
                .isNull();
        L2cap.Frame f = r.accept(new HciPacket.Acl(0x40, HciPacket.Acl.FIRST_FLUSHABLE, 0, hex("01000400 1E".replace(" ", ""))));
        assertThat(f).isNotNull();
        assertThat(f.payload()).containsExactly(0x1E);
        // More bytes than announced; a frame above the limit.
        assertThat(r.accept(new HciPacket.Acl(0x40, HciPacket.Acl.FIRST_FLUSHABLE, 0, hex("010004001E1F")))).isNull();
        assertThat(r.accept(new HciPacket.Acl(0x40, HciPacket.Acl.FIRST_FLUSHABLE, 0, hex("FF0004001E")))).isNull();
        assertThat(r.framesDropped()).isEqualTo(4);
        assertThat(r.bytesDropped()).isEqualTo(2 + 6 + 6 + 5);
    }

    @Test
    void addressesReadMostSignificantFirstAndStaticRandomAddressesFollowTheRules() {
        BdAddress a = BdAddress.parse("c0:11:22:33:44:55", BdAddress.RANDOM);
        assertThat(a.toString()).isEqualTo("C0:11:22:33:44:55");
        assertThat(hex(a.bytes())).isEqualTo("5544332211C0");
        assertThat(a.isStaticRandom()).isTrue();
        assertThat(BdAddress.parse("40:11:22:33:44:55", BdAddress.RANDOM).isStaticRandom()).isFalse();
        assertThat(BdAddress.staticRandom(0).isStaticRandom()).isTrue();
        assertThat(BdAddress.staticRandom(-1).isStaticRandom()).isTrue();
        assertThatThrownBy(() -> BdAddress.parse("C0:11:22:33:44", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
