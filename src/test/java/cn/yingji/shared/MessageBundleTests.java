package cn.yingji.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * zh-CN is the default and English must be complete: every bundle pair has the same keys, none empty, none defined
 * twice.
 */
class MessageBundleTests {

    @Test
    void everyChineseBundleHasACompleteEnglishTwin() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        int pairs = 0;
        for (Resource zh : bundles) {
            String name = zh.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            Resource en = zh.createRelative(name.replace(".properties", "_en.properties"));
            assertThat(en.exists()).as("English bundle for %s", name).isTrue();
            Properties zhProps = load(zh);
            Properties enProps = load(en);
            Set<String> missingInEn = new TreeSet<>(zhProps.stringPropertyNames());
            missingInEn.removeAll(enProps.stringPropertyNames());
            Set<String> missingInZh = new TreeSet<>(enProps.stringPropertyNames());
            missingInZh.removeAll(zhProps.stringPropertyNames());
            assertThat(missingInEn).as("keys of %s missing in English", name).isEmpty();
            assertThat(missingInZh).as("keys of %s missing in Chinese", name).isEmpty();
            for (String key : zhProps.stringPropertyNames()) {
                assertThat(zhProps.getProperty(key)).as("%s in %s", key, name).isNotBlank();
                assertThat(enProps.getProperty(key))
                        .as("%s in English %s", key, name)
                        .isNotBlank();
            }
            pairs++;
        }
        assertThat(pairs).isGreaterThanOrEqualTo(3);
    }

    /** A key given twice silently keeps the last value; a table header once became an error message that way. */
    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        for (Resource bundle : bundles) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            Properties p = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (!seen.add((String) key)) {
                        twice.add((String) key);
                    }
                    return super.put(key, value);
                }
            };
            try (Reader in = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            assertThat(twice)
                    .as("keys defined twice in %s", bundle.getFilename())
                    .isEmpty();
        }
        assertThat(bundles).hasSizeGreaterThan(3);
    }

    private static Properties load(Resource r) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
