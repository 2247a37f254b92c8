package dev.warden.query.support;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Fills a {@link PageParameters} from the query string. Each value is converted and refused the way
 * an optional {@code @RequestParam} of its type is, so a list answers a malformed {@code limit} or
 * {@code minPosition} exactly as before the parameters were gathered into one.
 */
final class PageParametersResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageParameters.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) throws Exception {
        return new PageParameters(value(parameter, request, binders, "limit", Integer.class),
                value(parameter, request, binders, "cursor", String.class),
                value(parameter, request, binders, "minPosition", Long.class));
    }

    private static <T> T value(MethodParameter parameter, NativeWebRequest request, WebDataBinderFactory binders,
                               String name, Class<T> type) throws Exception {
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
