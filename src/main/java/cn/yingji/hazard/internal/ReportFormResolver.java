package cn.yingji.hazard.internal;

import cn.yingji.hazard.internal.HazardForms.ReportForm;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds a {@link ReportForm} (a field report, multipart or form-encoded) from its request parameters by name. The
 * generic constructor binding of {@code @ModelAttribute} introspects the record's constructor and each parameter's
 * nullness on every request: in a profile of hazard intake under load it was a seventh of the server's CPU. Every
 * field is an optional string, so there is nothing to convert here; the command built from the form validates.
 */
@Component
class ReportFormResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ReportForm.class;
    }

    @Override
    public ReportForm resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mav,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        return ReportForm.from(request::getParameter);
    }
}
