package org.researchportal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.PortalLocales;

/** An upload speaks the reader's language: on a Chinese screen it never says "Drop file here". */
class UploadWordsUiTests extends UiTest {

    @Test
    void theUploadsAreWordedInTheReadersLanguage() {
        signInToUi("fudan.admin");
        UI.getCurrent().navigate("admin/instruments");
        Upload dictionary = _find(Upload.class).getFirst();
        assertThat(dictionary).as("the dictionary import's upload").isInstanceOf(PortalUpload.class);
        assertThat(dictionary.getI18n().getDropFiles().getOne()).isEqualTo("Drop a file here");

        UI.getCurrent().setLocale(PortalLocales.SIMPLIFIED_CHINESE);
        var upload = new PortalUpload(new LimitedUpload(1024, (metadata, bytes) -> {}));
        assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("将文件拖放到此处");
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("上传文件…");
        assertThat(upload.getI18n().getError().getFileIsTooBig()).isEqualTo("文件过大。");
    }
}
