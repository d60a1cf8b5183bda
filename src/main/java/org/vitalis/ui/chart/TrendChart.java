package org.vitalis.ui.chart;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.vitalis.domain.Observation;
import org.vitalis.domain.VitalSign;
import org.vitalis.ui.common.Messages;
import org.vitalis.ui.common.Ui;

/** The chosen sign over time; blood pressure draws systolic and diastolic together. */
final class TrendChart {
    private final VBox root;
    private final LineChart<Number, Number> chart;
    private final ChartViewModel vm;
    private final Messages m;

    TrendChart(ChartViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        // A time axis, not categories: readings days apart must look days apart, and two readings in
        // the same minute must not fold into one point.
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number epochSecond) {
                return m.date(java.time.LocalDate.ofInstant(java.time.Instant.ofEpochSecond(epochSecond.longValue()),
                        m.zone()));
            }

            @Override
            public Number fromString(String text) {
                throw new IllegalStateException("axis labels are only displayed");
            }
        });
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        chart = Ui.id(new LineChart<>(x, y), "chart-trend");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setMinHeight(220);
        // Room on the trailing side for the last date label, which is centred on its tick.
        chart.setPadding(new javafx.geometry.Insets(4, 40, 4, 4));
        // Time runs left to right in every language, as on paper charts.
        chart.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        VBox.setVgrow(chart, Priority.ALWAYS);
        ComboBox<VitalSign> sign = Ui.id(new ComboBox<>(), "chart-trend-sign");
        for (VitalSign s : VitalSign.values()) {
            if (s != VitalSign.DIASTOLIC_BP) {
                sign.getItems().add(s);
            }
        }
        sign.setConverter(org.vitalis.ui.common.Choices.converter(this::signName));
        sign.valueProperty().bindBidirectional(vm.trendSign());
        sign.setAccessibleText(m.get("chart.trendSign"));
        Label label = Ui.labelFor(sign, m.get("chart.trendSign"));
        vm.trendSign().addListener((o, a, b) -> redraw());
        vm.observations().addListener((ListChangeListener<Observation>) c -> redraw());
        HBox bar = new HBox(8, label, sign);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root = new VBox(6, bar, chart);
        redraw();
    }

    private String signName(VitalSign s) {
        return s == VitalSign.SYSTOLIC_BP ? m.get("sign.BLOOD_PRESSURE") : m.get("sign." + s.name());
    }

    private void redraw() {
        VitalSign s = vm.trendSign().get();
        chart.getData().clear();
        if (s == null) {
            return;
        }
        chart.getYAxis().setLabel(m.get("unit." + s.name()));
        chart.getData().add(series(s, vm.trend(s)));
        if (s == VitalSign.SYSTOLIC_BP) {
            chart.getData().add(series(VitalSign.DIASTOLIC_BP, vm.trend(VitalSign.DIASTOLIC_BP)));
        }
    }

    private XYChart.Series<Number, Number> series(VitalSign s, List<Observation> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(m.get("sign." + s.name()));
        for (Observation o : points) {
            series.getData().add(new XYChart.Data<>(o.getEffectiveAt().getEpochSecond(), o.getValue()));
        }
        return series;
    }

    Node root() {
        return root;
    }
}
