package cn.yingji.demo.internal;

import cn.yingji.directory.Gender;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic fictitious people: common Chinese surnames and given names, and unique mobile numbers in the valid
 * 11-digit format. Nothing here is a real person's data.
 */
final class DemoPeople {

    /** Common surnames, the most frequent repeated so they come up more often. */
    private static final String SURNAMES = "王王王李李李张张张刘刘陈陈杨杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
            + "袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
            + "严覃武戴莫孔向汤";

    private static final String MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁俊峰林健建国庆东文志新亮成兵海龙宇浩晨翔凯瑞泽";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀玲桂英梅琳燕红洁萍雪慧倩婷颖琴蓉月莉兰凤晶媛佳欣怡悦雯";

    /** Prefixes of the mobile numbers handed out (all valid mainland prefixes). */
    private static final String[] PREFIXES = {"139", "138", "137", "136", "135", "158", "159", "188", "187", "180"};

    private final SplittableRandom rnd;
    private final Set<String> mobiles = new HashSet<>();

    DemoPeople(long seed) {
        this.rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /**
     * A fictitious person.
     *
     * @param name full name
     * @param gender gender
     * @param mobile unique 11-digit mobile number
     */
    record Someone(String name, Gender gender, String mobile) {}

    Someone next() {
        Gender gender = rnd.nextInt(100) < 62 ? Gender.MALE : Gender.FEMALE;
        String chars = gender == Gender.MALE ? MALE : FEMALE;
        StringBuilder name = new StringBuilder();
        name.append(SURNAMES.charAt(rnd.nextInt(SURNAMES.length())));
        name.append(chars.charAt(rnd.nextInt(chars.length())));
        if (rnd.nextInt(100) < 70) {
            name.append(chars.charAt(rnd.nextInt(chars.length())));
        }
        return new Someone(name.toString(), gender, mobile());
    }

    private String mobile() {
        while (true) {
            String m = PREFIXES[rnd.nextInt(PREFIXES.length)] + String.format("%08d", rnd.nextInt(100_000_000));
            if (mobiles.add(m)) {
                return m;
            }
        }
    }
}
