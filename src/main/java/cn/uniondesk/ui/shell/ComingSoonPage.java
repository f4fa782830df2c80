package cn.uniondesk.ui.shell;

import cn.uniondesk.i18n.Messages;
import cn.uniondesk.ui.common.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A section not built yet: says what will be there. */
final class ComingSoonPage extends VBox {
    ComingSoonPage(Messages messages, Section section) {
        super(12);
        setPadding(new Insets(40));
        setAlignment(Pos.TOP_LEFT);
        Label title = new Label(messages.get(section.labelKey()));
        title.setStyle(Styles.HEADING);
        Label coming = new Label(messages.get("ui.coming.title"));
        coming.setStyle(Styles.MUTED_TEXT);
        Label what = new Label(messages.get(section.comingKey()));
        what.setWrapText(true);
        what.setMaxWidth(640);
        getChildren().addAll(title, coming, what);
        setId("coming-" + section.name().toLowerCase(java.util.Locale.ROOT));
    }
}
