package io.openvod.gateway.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/errors.md, the page the Recommend link of every error points to, lists every code of ApiError. */
class ErrorCodesDocumentedTest {

    @Test
    void everyApiErrorCodeIsInTheErrorTableWithItsStatus() throws Exception {
        String table = Files.readString(Path.of("docs/errors.md"));

        List<ApiError> errors = everyError();
        assertThat(errors).hasSizeGreaterThan(20);
        for (ApiError error : errors) {
            assertThat(table).as(error.code()).contains("| `" + error.code() + "` | " + error.status() + " |");
        }
    }

    /** One instance of every factory method, with {@code {Param}} for parameter names. */
    private static List<ApiError> everyError() throws Exception {
        List<ApiError> errors = new ArrayList<>();
        for (Method factory : ApiError.class.getDeclaredMethods()) {
            if (Modifier.isStatic(factory.getModifiers()) && factory.getReturnType() == ApiError.class) {
                Object[] args = new Object[factory.getParameterCount()];
                Class<?>[] types = factory.getParameterTypes();
                for (int i = 0; i < args.length; i++) {
                    args[i] = types[i] == String.class ? "{Param}" : types[i] == int.class ? 1 : (Object) 1L;
                }
                errors.add((ApiError) factory.invoke(null, args));
            }
        }
        return errors;
    }
}
