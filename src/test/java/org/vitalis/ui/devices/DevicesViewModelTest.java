package org.vitalis.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vitalis.device.driver.DeviceState;
import org.vitalis.ui.FakeDevices;
import org.vitalis.ui.common.Async;
import org.vitalis.ui.common.Messages;

class DevicesViewModelTest {
    private final Messages m = new Messages(java.util.Locale.ENGLISH, java.time.ZoneOffset.UTC);

    @Test
    void listsDevicesWithStateInPlainWordsAndCounters() {
        FakeDevices fake = new FakeDevices().with("ox-1", "Finger oximeter");
        DevicesViewModel vm = new DevicesViewModel(Optional.of(fake), Async.direct(), m);
        fake.state("ox-1", DeviceState.RECONNECTING, "The device stopped sending.");
        DevicesViewModel.Row r = vm.rows().getFirst();
        assertThat(r.name()).isEqualTo("Finger oximeter");
        assertThat(r.settings()).isEqualTo("115200 8N1");
        assertThat(r.stateText()).isEqualTo("Reconnecting — The device stopped sending.");
        assertThat(r.frames()).isEqualTo("1,234");
        assertThat(r.skipped()).isEqualTo("5");
        assertThat(r.signal()).isEqualTo("12");
        assertThat(r.battery()).isEmpty();
        fake.state("ox-1", DeviceState.STREAMING, "Connected to Cuff (C0:11:22:33:44:55)", 87);
        assertThat(vm.rows().getFirst().battery()).isEqualTo("87 %");
        assertThat(vm.rows().getFirst().stateText()).isEqualTo("Streaming — Connected to Cuff (C0:11:22:33:44:55)");
    }

    @Test
    void manyEventsQueueOneRefresh() {
        FakeDevices fake = new FakeDevices().with("ox-1", "Oximeter");
        List<Runnable> fxQueue = new ArrayList<>();
        DevicesViewModel vm = new DevicesViewModel(Optional.of(fake), new Async(Runnable::run, fxQueue::add), m);
        for (int i = 0; i < 500; i++) {
            fake.state("ox-1", DeviceState.STREAMING, null);
        }
        assertThat(fxQueue).hasSize(2); // the port list and a single refresh
        fxQueue.forEach(Runnable::run);
        assertThat(vm.rows().getFirst().state()).isEqualTo(DeviceState.STREAMING);
    }

    @Test
    void addsEditsAndDetects() {
        FakeDevices fake = new FakeDevices();
        DevicesViewModel vm = new DevicesViewModel(Optional.of(fake), Async.direct(), m);
        vm.newDevice();
        assertThat(vm.settings().get()).isEqualTo("115200 8N1");
        vm.save();
        assertThat(vm.problem().get()).startsWith("Type the port path");
        vm.port().set("/dev/pts/9");
        vm.name().set("Bed 3 oximeter");
        vm.save();
        assertThat(vm.rows()).extracting(DevicesViewModel.Row::name).containsExactly("Bed 3 oximeter");
        assertThat(vm.editingId().get()).isEqualTo("device-1");
        vm.settings().set("fast please");
        vm.save();
        assertThat(vm.problem().get()).isEqualTo("Not saved: \"fast please\" is not line settings like \"115200 8N1\".");
        vm.connect("device-1");
        assertThat(fake.calls).containsExactly("connect device-1");

        vm.protocol().set("ascii-ecg");
        vm.detect();
        assertThat(vm.protocol().get()).isEqualTo("contec-cms50");
        assertThat(vm.detectResult().get()).isEqualTo("Found contec-cms50: 12 frames decoded from 500 bytes, 3 bytes skipped.");
        vm.port().set("/dev/pts/1");
        vm.detect();
        assertThat(vm.detectResult().get()).startsWith("No known device was heard on /dev/pts/1");
    }

    @Test
    void withoutDevicesTheScreenSaysSo() {
        DevicesViewModel vm = new DevicesViewModel(Optional.empty(), Async.direct(), m);
        assertThat(vm.available()).isFalse();
        assertThat(vm.rows()).isEmpty();
    }
}
