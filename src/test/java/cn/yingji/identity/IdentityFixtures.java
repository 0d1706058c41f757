package cn.yingji.identity;

import java.util.List;
import java.util.Set;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Accounts of the fictitious city 99 used by the identity tests; created through the facade, once per JVM. */
final class IdentityFixtures {

    static final String PASSWORD = "correct-horse-battery";
    static final String CITY = "/340100000000/";
    static final String DISTRICT_A = "/340100000000/340102000000/";
    static final String DISTRICT_B = "/340100000000/340103000000/";

    private IdentityFixtures() {}

    static UserId ensure(UserManagement users, String username, Role role, String path) {
        return users.findByUsername(username)
                .orElseGet(() -> users.create(new NewUser(
                        username,
                        username,
                        PASSWORD,
                        Set.of(role),
                        path,
                        new Jurisdiction(List.of(path), List.of()),
                        null,
                        false)));
    }

    /** Requests from a given client address, so throttling tests do not share a counter with other tests. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
