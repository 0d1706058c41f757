package cn.yingji.identity.internal;

import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserManagement;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the first start of an empty database without demo data, creates the {@code admin} account with a random
 * password and prints it once. There is no default password anywhere in the code.
 */
@Component
class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserManagement users;
    private final Environment env;

    AdminBootstrap(UserManagement users, Environment env) {
        this.users = users;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void createFirstAdmin() {
        if (env.getProperty("yingji.demo.enabled", Boolean.class, false) || users.count() > 0) {
            return;
        }
        String root = env.getProperty("yingji.root-division-path", "/");
        String password = randomPassword(20);
        users.create(new NewUser(
                "admin",
                "Administrator",
                password,
                Set.of(Role.ADMIN),
                root,
                new Jurisdiction(List.of(root), List.of()),
                null,
                false));
        // Printed once, on purpose on stdout and in the log: nobody can read it back later.
        String banner = "\n==================================================================\n"
                + " Yingji first start: administrator account created\n"
                + "   username: admin\n"
                + "   password: " + password + "\n"
                + " Change it after signing in. This password is not shown again.\n"
                + "==================================================================";
        System.out.println(banner);
        LOG.warn("First start: created user 'admin' with a one-time random password (printed on the console)");
    }

    static String randomPassword(int length) {
        SecureRandom rnd = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
