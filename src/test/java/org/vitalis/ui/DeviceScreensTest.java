package org.vitalis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;
import org.vitalis.app.ManagedDevices;
import org.vitalis.device.driver.DeviceDriver;
import org.vitalis.device.driver.DeviceState;
import org.vitalis.device.sim.EcgStreamSimulator;
import org.vitalis.device.sim.OximeterSimulator;
import org.vitalis.device.sim.Simulator;
import org.vitalis.device.transport.VirtualSerialPair;
import org.vitalis.domain.Observation;
import org.vitalis.domain.Sex;
import org.vitalis.domain.VitalSign;
import org.vitalis.registry.PatientDraft;
import org.vitalis.security.UserSession;
import org.vitalis.ui.devices.DevicesViewModel;

/**
 * A simulated CMS50 oximeter on a real virtual serial port, read by the real device manager: the Devices screen
 * shows it streaming, the Intake screen shows its values and attaches them to a patient. Renders both screens to
 * target/screens/.
 */
class DeviceScreensTest extends UiTestBase {
    private static final Path OUT = Path.of("target", "screens");
    private VirtualSerialPair pair;
    private Simulator sim;
    private VirtualSerialPair ecgPair;
    private Simulator ecgSim;
    private ManagedDevices devices;

    @AfterEach
    void stopDevices() {
        if (devices != null) {
            devices.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (pair != null) {
            pair.close();
        }
        if (ecgSim != null) {
            ecgSim.close();
        }
        if (ecgPair != null) {
            ecgPair.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"en,false", "ar,true"})
    void readsAttachesAndCorrectsDeviceValues(String language, boolean dark) throws Exception {
        System.setProperty("java.awt.headless", "true");
        station = new TestStation(dir).withStaff();
        UserSession nurse = station.auth.login("nurse", TestStation.NURSE_PW.toCharArray());
        var patient = station.patients.register(nurse, new PatientDraft("Salma", "Haddad", "سلمى", "حداد",
                LocalDate.of(1975, 11, 2), Sex.FEMALE, "+962 6 555 0101", null, null, null, null, List.of(), List.of()));
        pair = VirtualSerialPair.open();
        sim = new OximeterSimulator(pair.deviceEnd(), 72, 97, 42).signalStrength(11).start();
        devices = new ManagedDevices(DeviceDriver.Options.defaults());
        String id = devices.save(null, language.equals("ar") ? "مقياس الأكسجة" : "Finger oximeter", "contec-cms50",
                pair.portPath(), "").id();
        devices.connect(id);
        ecgPair = VirtualSerialPair.open();
        ecgSim = new EcgStreamSimulator(ecgPair.deviceEnd(), 72).start();
        String ecgId = devices.save(null, language.equals("ar") ? "لوحة تخطيط القلب" : "ECG board", "ascii-ecg",
                ecgPair.portPath(), "").id();
        devices.connect(ecgId);

        String tag = language + "-" + (dark ? "dark" : "light");
        open(station.context(language, dark, false, Optional.of(devices)), Duration.ofMinutes(15));
        Fx.run(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        login("nurse", TestStation.NURSE_PW);

        Fx.run(() -> ((ToggleButton) root.lookup("#nav-devices")).fire());
        Fx.waitUntil("the oximeter streams", () -> {
            @SuppressWarnings("unchecked")
            var table = (TableView<DevicesViewModel.Row>) root.lookup("#devices-table");
            return table != null && table.getItems().size() == 2
                    && table.getItems().stream().allMatch(r -> r.state() == DeviceState.STREAMING)
                    && !table.getItems().getFirst().lastReading().isEmpty();
        });
        Fx.run(() -> ((TableView<?>) root.lookup("#devices-table")).getSelectionModel().select(0));
        shoot("devices", tag);

        Fx.run(() -> ((ToggleButton) root.lookup("#nav-intake")).fire());
        type("intake-search", patient.getMrn());
        Fx.run(() -> root.lookup("#intake-search").fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER,
                false, false, false, false)));
        String spo2Id = "intake-" + id + "-SPO2";
        String pulseId = "intake-" + id + "-HEART_RATE";
        Fx.waitUntil("the patient is chosen and the reading shows", () -> root.lookup("#" + spo2Id) != null
                && root.lookup("#" + pulseId) != null && !Fx.<TextField>find(root, spo2Id).getText().isEmpty()
                && Fx.<TextField>find(root, "intake-search") != null
                && root.lookup("#intake-attach") instanceof javafx.scene.control.Button b && !b.isDisabled());
        Fx.waitUntil("the values show in large type", () -> Fx.<TextField>find(root, spo2Id).getFont().getSize() >= 30);
        assertThat(Fx.call(() -> Fx.<TextField>find(root, spo2Id).getText())).matches("[0-9٠-٩]+");
        assertThat(text(spo2Id + "-flag")).isNotEmpty();
        Fx.waitUntil("the pleth and ECG traces show", () -> root.lookup("#intake-wave-" + id).isVisible()
                && root.lookup("#intake-wave-" + ecgId).isVisible());
        // The ECG trace needs a few seconds to fill its window for the picture.
        Thread.sleep(1500);

        press("intake-attach");
        Fx.waitUntil("what was stored shows", () -> !((javafx.scene.layout.FlowPane) root.lookup("#intake-recorded"))
                .getChildren().isEmpty());
        shoot("intake", tag);
        List<Observation> first = station.vitals.history(nurse, patient.getId());
        assertThat(first).extracting(Observation::sign).contains(VitalSign.SPO2, VitalSign.HEART_RATE);
        // The ECG board streams a waveform only, so the oximeter's values are all there is to attach.
        String name = language.equals("ar") ? "مقياس الأكسجة" : "Finger oximeter";
        assertThat(first).extracting(Observation::getSource).containsOnly(name + " [" + nurse.workstation() + "/" + id + "]");
        assertThat(text("intake-waiting-" + ecgId)).isEqualTo(language.equals("en")
                ? "Live waveform only: this device sends no values to attach." : "موجة حية فقط: لا يرسل هذا الجهاز قيمًا للإرفاق.");
        assertThat(first).extracting(Observation::getRawPayload).doesNotContainNull();

        type(pulseId, "64");
        press("intake-attach");
        Fx.waitUntil("the second set is stored", () -> station.vitals.history(nurse, patient.getId()).size() > first.size());
        Fx.waitUntil("the correction shows as stored", () -> ((javafx.scene.layout.FlowPane) root.lookup("#intake-recorded"))
                .getChildren().size() >= 2);
        shoot("intake-corrected", tag);
        List<Observation> all = station.vitals.history(nurse, patient.getId());
        assertThat(all).filteredOn(o -> o.sign() == VitalSign.HEART_RATE && o.getValue().intValue() == 64)
                .singleElement().extracting(Observation::getSource).isEqualTo(Observation.SOURCE_MANUAL);
    }

    private void shoot(String screen, String tag) throws Exception {
        Fx.writePng(root.getScene(), OUT.resolve(screen + "-" + tag + ".png"));
    }
}
