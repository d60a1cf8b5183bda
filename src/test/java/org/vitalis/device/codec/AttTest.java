package org.vitalis.device.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vitalis.device.codec.HciTransportTest.hex;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ATT PDUs and advertising data against vectors written from Core Specification v5.4, Vol 3, Parts C, F and G. */
class AttTest {
    private static final UUID VENDOR = UUID.fromString("3E5A0001-6C4B-4D2E-9F1A-7A1C2B3D4E5F");

    private static void roundTrip(String hex, AttPdu expected) {
        AttPdu parsed = Att.parse(hex(hex));
        assertThat(parsed.toString()).isEqualTo(expected.toString());
        assertThat(HciTransportTest.hex(Att.encode(parsed))).isEqualTo(hex.replace(" ", ""));
    }

    @Test
    void requestsAndResponsesOfDiscoveryMatchTheirLayouts() {
        roundTrip("02 F7 00", new AttPdu.ExchangeMtuRequest(247));
        roundTrip("03 41 00", new AttPdu.ExchangeMtuResponse(65));
        roundTrip("10 01 00 FF FF 00 28", new AttPdu.ReadByGroupTypeRequest(1, 0xFFFF, Att.PRIMARY_SERVICE));
        roundTrip("11 06 01 00 05 00 00 18 06 00 09 00 0F 18", new AttPdu.ReadByGroupTypeResponse(List.of(
                new AttPdu.GroupValue(1, 5, hex("0018")), new AttPdu.GroupValue(6, 9, hex("0F18")))));
        roundTrip("08 0A 00 12 00 03 28", new AttPdu.ReadByTypeRequest(0x0A, 0x12, Att.CHARACTERISTIC));
        roundTrip("09 07 0B 00 20 0C 00 35 2A 0E 00 10 0F 00 36 2A", new AttPdu.ReadByTypeResponse(List.of(
                new AttPdu.HandleValue(0x0B, hex("200C00352A")), new AttPdu.HandleValue(0x0E, hex("100F00362A")))));
        roundTrip("04 0D 00 0D 00", new AttPdu.FindInformationRequest(0x0D, 0x0D));
        roundTrip("05 01 0D 00 02 29", new AttPdu.FindInformationResponse(List.of(
                new AttPdu.HandleUuid(0x0D, Att.CLIENT_CHARACTERISTIC_CONFIGURATION))));
        roundTrip("05 02 14 00 5F 4E 3D 2B 1C 7A 1A 9F 2E 4D 4B 6C 01 00 5A 3E", new AttPdu.FindInformationResponse(
                List.of(new AttPdu.HandleUuid(0x14, VENDOR))));
        roundTrip("0A 08 00", new AttPdu.ReadRequest(8));
        roundTrip("0B 5B", new AttPdu.ReadResponse(hex("5B")));
        roundTrip("12 0D 00 02 00", new AttPdu.WriteRequest(0x0D, hex("0200")));
        roundTrip("13", new AttPdu.WriteResponse());
        roundTrip("01 10 0A 00 0A", new AttPdu.ErrorResponse(0x10, 0x0A, AttPdu.ATTRIBUTE_NOT_FOUND));
        roundTrip("1B 0F 00 00 14 00 FF 07 FF 07", new AttPdu.Notification(0x0F, hex("001400FF07FF07")));
        roundTrip("1D 0C 00 16 79 00", new AttPdu.Indication(0x0C, hex("167900")));
        roundTrip("1E", new AttPdu.Confirmation());
        assertThat(Att.parse(hex("52 0D 00 01 00"))).isInstanceOf(AttPdu.Other.class);
    }

    @Test
    void characteristicDeclarationsNameTheirValueHandleAndUuid() {
        Att.CharacteristicDeclaration d = Att.CharacteristicDeclaration.parse(0x0B, hex("200C00352A"));
        assertThat(d.valueHandle()).isEqualTo(0x0C);
        assertThat(BleUuids.short16(d.uuid())).isEqualTo(0x2A35);
        assertThat(d.has(Att.CharacteristicDeclaration.INDICATE)).isTrue();
        assertThat(d.has(Att.CharacteristicDeclaration.NOTIFY)).isFalse();
        Att.CharacteristicDeclaration v = Att.CharacteristicDeclaration.parse(0x13,
                hex("0A 14 00 5F 4E 3D 2B 1C 7A 1A 9F 2E 4D 4B 6C 01 00 5A 3E"));
        assertThat(v.uuid()).isEqualTo(VENDOR);
        assertThat(HciTransportTest.hex(v.value())).isEqualTo("0A14005F4E3D2B1C7A1A9F2E4D4B6C01005A3E");
        assertThatThrownBy(() -> Att.CharacteristicDeclaration.parse(0x0B, hex("200B00352A")))
                .isInstanceOf(CodecException.class).hasMessageContaining("not after its declaration");
        assertThatThrownBy(() -> Att.CharacteristicDeclaration.parse(0x0B, hex("200C0035")))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void uuidsUseTheBluetoothBaseForSixteenBitAliases() {
        assertThat(BleUuids.of16(0x2A35)).isEqualTo(UUID.fromString("00002A35-0000-1000-8000-00805F9B34FB"));
        assertThat(BleUuids.short16(VENDOR)).isEqualTo(-1);
        assertThat(BleUuids.text(BleUuids.of16(0x2902))).isEqualTo("0x2902");
        assertThat(BleUuids.fromBytes(BleUuids.bytes(VENDOR))).isEqualTo(VENDOR);
    }

    @Test
    void malformedPdusAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> Att.parse(new byte[0])).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Att.parse(hex("01 10 0A 00"))).hasMessageContaining("Error Response is 5 bytes");
        assertThatThrownBy(() -> Att.parse(hex("11 06 01 00 05 00 00"))).hasMessageContaining("entries of 6 bytes");
        assertThatThrownBy(() -> Att.parse(hex("09 01 0B 00"))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Att.parse(hex("05 03 0D 00 02 29"))).hasMessageContaining("format 3");
        assertThatThrownBy(() -> Att.parse(hex("05 01 0D 00 02"))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> Att.parse(hex("08 01 00 FF FF 03"))).hasMessageContaining("2- or 16-byte UUID");
        assertThatThrownBy(() -> Att.parse(hex("1D 0C"))).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> Att.parse(hex("1E 00"))).isInstanceOf(CodecException.class);
    }

    @Test
    void advertisingDataGivesFlagsServicesAndTheName() {
        // Flags LE General Discoverable + BR/EDR not supported; complete list 0x1810, 0x180F; complete name "BP".
        AdvertisingData ad = AdvertisingData.parse(hex("02 01 06 05 03 10 18 0F 18 03 09 42 50"));
        assertThat(ad.flags()).isEqualTo(6);
        assertThat(ad.serviceUuids16()).containsExactly(0x1810, 0x180F);
        assertThat(ad.advertises(0x1810)).isTrue();
        assertThat(ad.name()).isEqualTo("BP");
        assertThat(ad.nameComplete()).isTrue();
        // An incomplete list (0x02), a shortened name (0x08), manufacturer data (0xFF) and zero padding.
        AdvertisingData partial = AdvertisingData.parse(hex("03 02 09 18 04 08 54 68 65 04 FF 59 00 01 00 00 00"));
        assertThat(partial.flags()).isNull();
        assertThat(partial.serviceUuids16()).containsExactly(0x1809);
        assertThat(partial.name()).isEqualTo("The");
        assertThat(partial.nameComplete()).isFalse();
        // The complete name wins over a shortened one that comes first.
        assertThat(AdvertisingData.parse(hex("02 08 41 03 09 41 42")).name()).isEqualTo("AB");
        assertThat(HciTransportTest.hex(AdvertisingData.encode(6, List.of(0x1810, 0x180F), "BP")))
                .isEqualTo("020106050310180F18030942" + "50");
        assertThatThrownBy(() -> AdvertisingData.parse(hex("05 03 10 18"))).isInstanceOf(CodecException.class)
                .hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> AdvertisingData.parse(hex("04 03 10 18 0F"))).hasMessageContaining("odd");
        assertThatThrownBy(() -> AdvertisingData.parse(hex("01 01"))).hasMessageContaining("Flags AD without");
    }
}
