package dev.warden.query.support;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets query endpoints take groups of query parameters as records ({@link QueryParameters}). */
@Configuration(proxyBeanMethods = false)
class QueryWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new QueryParametersResolver());
    }
}
