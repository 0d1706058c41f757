package cn.yingji;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the Yingji emergency-management platform: one modular monolith over PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class YingjiApplication {

    public static void main(String[] args) {
        SpringApplication.run(YingjiApplication.class, args);
    }
}
