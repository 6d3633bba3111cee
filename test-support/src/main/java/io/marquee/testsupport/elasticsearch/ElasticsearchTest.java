package io.marquee.testsupport.elasticsearch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the shared real Elasticsearch, with its own index prefix. Test methods and
 * lifecycle methods may take a {@link TestIndices} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("elasticsearch")
@ExtendWith(ElasticsearchExtension.class)
public @interface ElasticsearchTest {
}
