package cn.yingji.responsibility;

import cn.yingji.directory.AssignHolder;
import cn.yingji.directory.ChannelType;
import cn.yingji.directory.DirectoryManagement;
import cn.yingji.directory.HoldingKind;
import cn.yingji.directory.NewContactChannel;
import cn.yingji.directory.NewPerson;
import cn.yingji.directory.NewPosition;
import cn.yingji.directory.PersonId;
import cn.yingji.directory.PositionId;
import cn.yingji.identity.Jurisdiction;
import cn.yingji.identity.NewUser;
import cn.yingji.identity.Role;
import cn.yingji.identity.UserManagement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** People with linked accounts and positions in 明光路街道 for the responsibility tests, created as the system. */
@Component
public class ResponsibilityFixtures {

    public static final String MINGGUANG = "/340100000000/340102000000/340102001000/";
    public static final String LUYANG = "/340100000000/340103000000/";
    public static final String PASSWORD = "Respons!bility-2026";

    private final DirectoryManagement directory;
    private final UserManagement users;
    private final JdbcClient jdbc;

    ResponsibilityFixtures(DirectoryManagement directory, UserManagement users, JdbcClient jdbc) {
        this.directory = directory;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The demo township head position of 明光路街道. */
    public PositionId townshipHead() {
        return new PositionId(
                jdbc.sql("""
                        select id from directory.positions where kind = 'TOWNSHIP_HEAD' and division_path = :p
                        order by name limit 1
                        """).param("p", MINGGUANG).query(UUID.class).single());
    }

    /** A new position of the kind at the path. */
    public PositionId position(String name, String kind, String path) {
        SecurityContextHolder.clearContext();
        return directory.createPosition(new NewPosition(name, kind, path, null, null));
    }

    /**
     * A person in 明光路街道 with a mobile number and a township-officer account linked to them.
     *
     * @return the person
     */
    public PersonId personWithAccount(String username, String name) {
        SecurityContextHolder.clearContext();
        PersonId person = directory.createPerson(new NewPerson(
                name,
                null,
                null,
                MINGGUANG,
                "测试",
                List.of(new NewContactChannel(
                        ChannelType.MOBILE,
                        "139" + String.format("%08d", Math.abs(username.hashCode()) % 100_000_000),
                        true))));
        users.create(new NewUser(
                username,
                name,
                PASSWORD,
                Set.of(Role.TOWNSHIP_OFFICER),
                MINGGUANG,
                new Jurisdiction(List.of(MINGGUANG), List.of()),
                person.value(),
                false));
        return person;
    }

    public void assign(PositionId position, PersonId person) {
        SecurityContextHolder.clearContext();
        directory.assignHolder(new AssignHolder(position, person, HoldingKind.PRIMARY, null, "测试任命"));
    }
}
