package io.tousu.bench;

import java.util.List;
import java.util.Random;

/** Realistic complaints in the words of the seeds' cases, varied per request. */
final class Complaints {
    private record Case(String category, String subject, String description, String demands) {
    }

    private static final List<Case> CASES = List.of(
            new Case("FEES.SP_CHARGE", "未订制SP业务却被收取信息费",
                    "本月账单出现两笔信息费共计%d元，本人从未订制任何增值业务，要求查明原因并退还费用。", "\"REFUND\",\"EXPLANATION\""),
            new Case("BASIC.NO_SIGNAL", "家中手机信号差经常无服务",
                    "近%d天在家里手机信号只有一格，经常显示无服务，打电话听不清，影响工作，请尽快派人检测。", "\"REPAIR\""),
            new Case("BASIC.DATA", "上不了网流量用不了",
                    "从前天晚上开始手机上不了网，重启多次无效，套餐内还有%dGB流量，要求尽快恢复。", "\"REPAIR\",\"EXPLANATION\""),
            new Case("OWN.BROADBAND", "宽带频繁掉线",
                    "家庭宽带每天掉线%d次以上，报修两次都没有解决，孩子上网课受影响，再不解决就投诉到工信部。", "\"REPAIR\",\"COMPENSATION\""),
            new Case("SERVICE.ATTITUDE", "营业厅工作人员态度恶劣",
                    "在营业厅办理业务等了%d分钟，工作人员说“我们的规定就是这样”，态度很差，要求道歉。", "\"APOLOGY\""),
            new Case("MARKETING.PROMOTION", "充值送话费活动未兑现",
                    "参加充%d元送话费活动，至今未到账，客服说要等，已经过了一个月。", "\"REFUND\",\"EXPLANATION\""),
            new Case("SECURITY.SPAM", "每天收到大量垃圾短信",
                    "每天收到%d条以上推销短信，回复退订无效，严重影响生活，要求彻底屏蔽。", "\"OTHER\""));
    private static final String[] AREAS = {"北京市海淀区", "北京市朝阳区", "上海市浦东新区", "广州市天河区", "杭州市西湖区", "成都市武侯区"};
    /** Streets and house numbers: complaints come from many places, so ordinary network complaints rarely make an incident. */
    private static final String[] STREETS = {"中关村大街", "建国路", "世纪大道", "天河路", "文三路", "人民南路", "学院路", "解放路"};
    private static final int STREET_NUMBERS = 200;
    private static final String[] NAMES = {"张三", "李四", "王五", "赵敏", "陈晨", "刘洋"};

    private Complaints() {
    }

    /** Built by concatenation: a format string parsed per request cost the shared machine more than intake's validation. */
    static String body(String channelRef, Random random) {
        Case c = CASES.get(random.nextInt(CASES.size()));
        String phone = "13" + (8 + random.nextInt(2)) + (10_000_000 + random.nextInt(90_000_000));
        String agent = Integer.toString(1000 + random.nextInt(200));
        return "{\"channel\":\"HOTLINE\",\"channelRef\":\"" + channelRef + "\",\"type\":\"COMPLAINT\","
                + "\"customer\":{\"id\":\"C-" + random.nextInt(1_000_000) + "\",\"name\":\"" + NAMES[random.nextInt(NAMES.length)]
                + "\",\"phone\":\"" + phone + "\",\"vip\":" + (random.nextInt(20) == 0) + ",\"preferredContact\":\"PHONE\"},"
                + "\"serviceNumber\":\"" + phone + "\",\"area\":\"" + AREAS[random.nextInt(AREAS.length)]
                + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(STREET_NUMBERS)) + "号"
                + "\",\"category\":\"" + c.category() + "\",\"subject\":\"" + c.subject() + "\",\"description\":\""
                + c.description().replace("%d", Integer.toString(2 + random.nextInt(60))) + "\","
                + "\"demands\":[" + c.demands() + "],\"evidence\":[{\"kind\":\"CALL_RECORDING\",\"ref\":\"rec-" + channelRef
                + ".wav\"}],\"firstResponder\":{\"agentId\":\"A" + agent + "\",\"name\":\"坐席" + random.nextInt(200)
                + "\",\"phone\":\"010-95598-" + (1000 + random.nextInt(9000)) + "\"}}";
    }
}
