package dev.warden.query.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Fills a {@link QueryParameters} record from the query string, component by component in their
 * order, each as an optional {@code @RequestParam} of its name and type: a list answers a malformed
 * {@code limit} or {@code minPosition} exactly as before its parameters were gathered in a record.
 * Only query parameters are read (a data binder would also take headers of the same names).
 */
final class QueryParametersResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type.isRecord() && type.isAnnotationPresent(QueryParameters.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) throws Exception {
        RecordComponent[] components = parameter.getParameterType().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(parameter, request, binders, components[i].getName(), components[i].getType());
        }
        Constructor<?> canonical = parameter.getParameterType().getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);
        try {
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Object value(MethodParameter parameter, NativeWebRequest request, WebDataBinderFactory binders,
                                String name, Class<?> type) throws Exception {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return null;
        }
        Object given = values.length == 1 ? values[0] : values;
        try {
            return binders.createBinder(request, null, name).convertIfNecessary(given, type);
        } catch (TypeMismatchException e) {
            throw new MethodArgumentTypeMismatchException(given, type, name, parameter, e.getCause());
        }
    }
}
