package org.vitalis.ui.imaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import org.vitalis.domain.BodySite;
import org.vitalis.domain.BodySites;
import org.vitalis.domain.Laterality;
import org.vitalis.ui.common.Messages;

/**
 * A front and a back silhouette drawn with shapes; each region is a skin site of {@link BodySites}, and a click picks
 * the site and the patient's side. The front view faces the viewer, so the patient's right is on the viewer's left;
 * the back view shows the patient's left on the left. Drawn left to right in every language: an anatomical picture is
 * never mirrored.
 */
final class BodyMap {
    private static final double W = 120;
    private static final double H = 252;

    private record Region(BodySite site, Laterality side, Shape shape) {
    }

    private final HBox root;
    private final List<Region> regions = new ArrayList<>();

    BodyMap(Messages m, BiConsumer<BodySite, Laterality> onPick) {
        VBox front = view(m, true, onPick);
        VBox back = view(m, false, onPick);
        root = new HBox(24, front, back);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        root.setId("imaging-bodymap");
    }

    private VBox view(Messages m, boolean front, BiConsumer<BodySite, Laterality> onPick) {
        Pane pane = new Pane();
        pane.setPrefSize(W, H);
        pane.setMinSize(W, H);
        pane.setMaxSize(W, H);
        // The viewer's left-hand limb: the patient's right in the front view, the patient's left in the back view.
        Laterality viewerLeft = front ? Laterality.RIGHT : Laterality.LEFT;
        Laterality viewerRight = front ? Laterality.LEFT : Laterality.RIGHT;
        String tag = front ? "front" : "back";
        if (front) {
            add(pane, tag, BodySites.FACE, null, new Circle(60, 22, 18), m, onPick);
            add(pane, tag, BodySites.NECK_FRONT, null, new Rectangle(52, 41, 16, 11), m, onPick);
            add(pane, tag, BodySites.CHEST, null, new Rectangle(36, 52, 48, 40), m, onPick);
            add(pane, tag, BodySites.ABDOMEN, null, new Rectangle(38, 92, 44, 38), m, onPick);
            limb(pane, tag, BodySites.UPPER_ARM_FRONT, viewerLeft, viewerRight, 20, 54, 15, 40, m, onPick);
            limb(pane, tag, BodySites.FOREARM_FRONT, viewerLeft, viewerRight, 17, 95, 14, 38, m, onPick);
            limb(pane, tag, BodySites.THIGH_FRONT, viewerLeft, viewerRight, 39, 131, 20, 56, m, onPick);
        } else {
            add(pane, tag, BodySites.SCALP, null, new Circle(60, 22, 18), m, onPick);
            add(pane, tag, BodySites.NECK_BACK, null, new Rectangle(52, 41, 16, 11), m, onPick);
            add(pane, tag, BodySites.UPPER_BACK, null, new Rectangle(36, 52, 48, 40), m, onPick);
            add(pane, tag, BodySites.LOWER_BACK, null, new Rectangle(38, 92, 44, 38), m, onPick);
            limb(pane, tag, BodySites.BUTTOCK, viewerLeft, viewerRight, 39, 131, 20, 20, m, onPick);
            limb(pane, tag, BodySites.UPPER_ARM_BACK, viewerLeft, viewerRight, 20, 54, 15, 40, m, onPick);
            limb(pane, tag, BodySites.FOREARM_BACK, viewerLeft, viewerRight, 17, 95, 14, 38, m, onPick);
            limb(pane, tag, BodySites.THIGH_BACK, viewerLeft, viewerRight, 39, 152, 20, 35, m, onPick);
        }
        limb(pane, tag, BodySites.HAND, viewerLeft, viewerRight, 15, 134, 14, 18, m, onPick);
        limb(pane, tag, front ? BodySites.LOWER_LEG_FRONT : BodySites.LOWER_LEG_BACK, viewerLeft, viewerRight, 41, 188,
                17, 50, m, onPick);
        limb(pane, tag, BodySites.FOOT, viewerLeft, viewerRight, 38, 239, 20, 10, m, onPick);
        Label title = new Label(m.get(front ? "imaging.map.front" : "imaging.map.back"));
        title.getStyleClass().add("text-muted");
        // Two labels, not one: a single line of two Arabic words would be reordered right to left.
        Label left = new Label(m.get("side.short." + viewerLeft.name()));
        Label right = new Label(m.get("side.short." + viewerRight.name()));
        left.getStyleClass().add("text-muted");
        right.getStyleClass().add("text-muted");
        HBox sides = new HBox(left, org.vitalis.ui.common.Ui.grow(), right);
        sides.setPrefWidth(W);
        sides.setMaxWidth(W);
        VBox box = new VBox(4, title, pane, sides);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /** A paired region: the viewer's left one at x, its mirror image on the other side of the body's midline. */
    private void limb(Pane pane, String tag, BodySite site, Laterality viewerLeft, Laterality viewerRight, double x,
            double y, double w, double h, Messages m, BiConsumer<BodySite, Laterality> onPick) {
        add(pane, tag, site, viewerLeft, new Rectangle(x, y, w, h), m, onPick);
        add(pane, tag, site, viewerRight, new Rectangle(W - x - w, y, w, h), m, onPick);
    }

    private void add(Pane pane, String tag, BodySite site, Laterality side, Shape shape, Messages m,
            BiConsumer<BodySite, Laterality> onPick) {
        shape.getStyleClass().add("bodymap-region");
        shape.setId("bodymap-" + tag + "-" + site.code() + (side == null ? "" : "-" + side.name().toLowerCase(
                java.util.Locale.ROOT)));
        String name = m.get("site." + site.key());
        Tooltip.install(shape, new Tooltip(side == null ? name : m.get("imaging.site.sided", name,
                m.get("side." + side.name()))));
        shape.setOnMouseClicked(e -> onPick.accept(site, side));
        shape.setAccessibleText(name);
        regions.add(new Region(site, side, shape));
        pane.getChildren().add(shape);
    }

    /** Marks the chosen region, or none. */
    void select(BodySite site, Laterality side) {
        for (Region r : regions) {
            boolean chosen = r.site().equals(site) && (r.side() == side || !site.paired());
            r.shape().getStyleClass().remove("bodymap-selected");
            if (chosen) {
                r.shape().getStyleClass().add("bodymap-selected");
            }
        }
    }

    Node root() {
        return root;
    }
}
