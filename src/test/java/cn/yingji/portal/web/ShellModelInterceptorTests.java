package cn.yingji.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.yingji.support.TestUsers;
import cn.yingji.support.YingjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The layout's model goes to rendered pages only, never to API answers or redirects. */
@YingjiTest
class ShellModelInterceptorTests {

    private final MockMvc mvc;
    private final TestUsers users;
    private final ShellModelInterceptor shell;

    ShellModelInterceptorTests(MockMvc mvc, TestUsers users, ShellModelInterceptor shell) {
        this.mvc = mvc;
        this.users = users;
        this.shell = shell;
    }

    @Test
    void aPageGetsUserNavigationAndItsActiveEntry() throws Exception {
        mvc.perform(get("/incidents/new").with(users.as("duty")))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("me", "nav", "currentPath", "tileUrl", "tileAttribution"))
                .andExpect(model().attribute("activeHref", "/incidents/new"));
    }

    @Test
    void anApiAnswerHasNoModelToFill() throws Exception {
        var result = mvc.perform(get("/api/v1/incidents").with(users.as("duty")))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getModelAndView()).isNull();
    }

    @Test
    void aRedirectKeepsAnEmptyModelSoNothingIsAppendedToItsUrl() {
        ModelAndView byName = new ModelAndView("redirect:/me");
        ModelAndView byView = new ModelAndView(new RedirectView("/me"));
        ModelAndView page = new ModelAndView("home");
        page.addObject("currentPath", "/chosen-by-the-handler");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/incidents");
        for (ModelAndView mav : new ModelAndView[] {byName, byView, page}) {
            shell.postHandle(request, new MockHttpServletResponse(), new Object(), mav);
        }
        shell.postHandle(request, new MockHttpServletResponse(), new Object(), null);
        assertThat(byName.getModel()).isEmpty();
        assertThat(byView.getModel()).isEmpty();
        assertThat(page.getModel())
                .containsKeys("me", "nav", "activeHref", "tileUrl", "tileAttribution")
                .containsEntry("currentPath", "/chosen-by-the-handler")
                .containsEntry("activeHref", "/incidents");
    }
}
