package io.marquee.testsupport.elasticsearch;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts (or joins) the shared cluster before a test class, hands it a {@link TestIndices}, and deletes the
 * class's indices and templates afterwards.
 */
public final class ElasticsearchExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ElasticsearchExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        TestIndices indices = new TestIndices(SharedElasticsearch.endpoint(), TestIndices.prefixFor(context.getRequiredTestClass()));
        indices.deleteAll();
        context.getStore(NAMESPACE).put(TestIndices.class, indices);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestIndices indices = context.getStore(NAMESPACE).remove(TestIndices.class, TestIndices.class);
        if (indices != null) {
            indices.deleteAll();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestIndices.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestIndices indices = context.getStore(NAMESPACE).get(TestIndices.class, TestIndices.class);
        if (indices == null) {
            indices = context.getParent().map(parent -> parent.getStore(NAMESPACE).get(TestIndices.class, TestIndices.class)).orElseThrow();
        }
        return indices;
    }
}
