package io.tousu.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Complete complaint lifecycles as the services publish them, onto {@code complaints.received},
 * {@code complaints.routing} and {@code complaints.followup}: a telecom centre of 京津冀 with the
 * mix a centre sees (channels, the ten categories and their departments, districts, first-contact
 * resolutions, referrals, repeats, outages, returns, late replies, unsatisfied callbacks that
 * reopen, escalations, compensation, withdrawals). Events later than {@code now} are not sent:
 * those complaints are still open.
 */
final class Lifecycles {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private record Weighted<T>(T value, int weight) {
    }

    private record Category(String code, String department, String subject, String description) {
    }

    private static final List<Weighted<String>> CHANNELS = List.of(new Weighted<>("HOTLINE", 62),
            new Weighted<>("APP", 18), new Weighted<>("COUNTER", 8), new Weighted<>("EMAIL", 4),
            new Weighted<>("REGULATOR", 5), new Weighted<>("MEDIA", 3));
    private static final List<Weighted<Category>> CATEGORIES = List.of(
            new Weighted<>(new Category("FEES.SP_CHARGE", "billing", "未订制SP业务却被收取信息费",
                    "本月账单出现两笔信息费，本人从未订制任何增值业务，要求查明原因并退还费用。"), 14),
            new Weighted<>(new Category("FEES.PACKAGE", "billing", "套餐资费与办理时承诺不符",
                    "办理时说每月58元不限量，结果本月扣了98元，要求按承诺收费并退还多扣的钱。"), 10),
            new Weighted<>(new Category("FEES.DATA_CHARGE", "billing", "流量费用异常",
                    "手机一直连着家里WiFi，这个月却多出三十多元流量费，要求核查退费。"), 6),
            new Weighted<>(new Category("BASIC.NO_SIGNAL", "network", "家中手机信号差经常无服务",
                    "近一周在家里手机信号只有一格，经常显示无服务，打电话听不清，请尽快派人检测。"), 12),
            new Weighted<>(new Category("BASIC.DATA", "network", "上不了网流量用不了",
                    "从前天晚上开始手机上不了网，重启多次无效，套餐内还有流量，要求尽快恢复。"), 7),
            new Weighted<>(new Category("BASIC.CALL_DROP", "network", "通话经常掉线",
                    "最近打电话说不到两分钟就断，换了手机也一样，影响做生意。"), 4),
            new Weighted<>(new Category("OWN.BROADBAND", "product", "宽带频繁掉线",
                    "家庭宽带每天掉线好几次，报修两次都没有解决，孩子上网课受影响。"), 10),
            new Weighted<>(new Category("MONTERNET.SUBSCRIPTION", "vas", "未经同意被订制梦网业务",
                    "查话费发现被订了视频会员包，我从来没有同意过，要求退订退费。"), 6),
            new Weighted<>(new Category("SERVICE.ATTITUDE", "service", "营业厅工作人员态度恶劣",
                    "在营业厅等了四十分钟，工作人员说“我们的规定就是这样”，态度很差，要求道歉。"), 8),
            new Weighted<>(new Category("SERVICE.HOTLINE", "service", "客服热线一直打不进去",
                    "打10086转人工等了二十分钟都没人接，问题一直解决不了。"), 5),
            new Weighted<>(new Category("MARKETING.PROMOTION", "marketing", "充值送话费活动未兑现",
                    "参加充一百送五十活动，至今未到账，客服说要等，已经过了一个月。"), 6),
            new Weighted<>(new Category("SECURITY.SPAM", "security", "每天收到大量垃圾短信",
                    "每天收到十几条推销短信，回复退订无效，严重影响生活，要求彻底屏蔽。"), 5),
            new Weighted<>(new Category("SUPPORT.ACTIVATION", "support", "携号转网一直办不了",
                    "申请携号转网三次都提示失败，营业厅说系统问题，要求尽快办理。"), 4),
            new Weighted<>(new Category("ENTERPRISE.LINE", "enterprise", "集团专线中断影响办公",
                    "公司专线上午中断三个小时，没有任何通知，要求说明原因并赔偿。"), 2),
            new Weighted<>(new Category("INFO_12580.BOOKING", "info12580", "12580订票出错",
                    "通过12580订的火车票日期错了，要求退票并赔偿损失。"), 1));
    private static final String[] AREAS = {
            "北京市东城区", "北京市西城区", "北京市朝阳区", "北京市海淀区", "北京市丰台区", "北京市石景山区", "北京市通州区",
            "北京市昌平区", "北京市大兴区", "北京市顺义区", "北京市房山区", "北京市门头沟区", "北京市怀柔区", "北京市密云区",
            "天津市和平区", "天津市河西区", "天津市南开区", "天津市河北区", "天津市滨海新区", "天津市西青区", "天津市武清区",
            "河北省石家庄市长安区", "河北省石家庄市桥西区", "河北省石家庄市裕华区", "河北省唐山市路北区", "河北省唐山市路南区",
            "河北省保定市竞秀区", "河北省保定市莲池区", "河北省廊坊市广阳区", "河北省廊坊市安次区", "河北省邯郸市丛台区",
            "河北省邢台市信都区", "河北省沧州市运河区", "河北省秦皇岛市海港区", "河北省张家口市桥东区", "河北省承德市双桥区",
            "河北省衡水市桃城区", "河北省雄安新区"};
    private static final String[] REFERRALS = {"MIIT", "MIIT", "MIIT", "GOV_HOTLINE", "GOV_HOTLINE", "CONSUMER_ASSOCIATION"};
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};
    /** Share of complaints received in each hour of the day (the centre's hours, busiest mid-morning). */
    private static final int[] HOURS = {1, 1, 0, 0, 0, 1, 2, 4, 8, 10, 10, 9, 7, 7, 8, 8, 7, 6, 5, 4, 3, 2, 1, 1};

    private final KafkaProducer<String, String> producer;
    private final Instant now;
    private final Random random;
    private long events;

    Lifecycles(KafkaProducer<String, String> producer, Instant now, long seed) {
        this.producer = producer;
        this.now = now;
        this.random = new Random(seed);
    }

    long events() {
        return events;
    }

    /** One complaint received on {@code day} (its start in the centre's zone), and what followed it up to now. */
    void complaint(Instant dayStart, long n) {
        Instant received = dayStart.plus(Duration.ofMinutes(60L * pick(HOURS) + random.nextInt(60)))
                .plusSeconds(random.nextInt(60));
        if (received.isAfter(now)) {
            received = now.minusSeconds(random.nextInt(3600));
        }
        UUID id = UUID.randomUUID();
        String channel = pick(CHANNELS);
        Category category = pick(CATEGORIES);
        String area = AREAS[random.nextInt(AREAS.length)];
        String referral = channel.equals("REGULATOR") ? REFERRALS[random.nextInt(REFERRALS.length)] : null;
        boolean fcr = referral == null && random.nextInt(100) < 28;
        String phone = "13" + (5 + random.nextInt(5)) + (10_000_000 + random.nextInt(90_000_000));
        send("complaints.received", "ComplaintReceived.v1", id, received, """
                {"complaintId":"%s","number":"TS%s%07d","status":"%s","channel":"%s","type":"COMPLAINT","category":"%s",\
                "area":"%s","receivedAt":"%s","resolvedOnFirstContact":%b,"referral":%s,\
                "customer":{"name":"%s","phone":"%s"},"subject":"%s","description":"%s"}"""
                .formatted(id, received.atZone(ZONE).toLocalDate().toString().replace("-", ""), n,
                        fcr ? "RESOLVED" : "RECEIVED", channel, category.code, area, received.atZone(ZONE).toOffsetDateTime(),
                        fcr, referral == null ? "null" : "{\"source\":\"" + referral + "\",\"referenceNo\":\"GXB-" + n + "\"}",
                        SURNAMES[random.nextInt(SURNAMES.length)] + "先生", phone, category.subject, category.description));
        if (fcr) {
            return;
        }
        Instant dispatched = received.plusSeconds(20 + random.nextInt(120));
        boolean outage = category.department.equals("network") && random.nextInt(100) < 8;
        send("complaints.routing", "WorkOrderDispatched.v1", id, dispatched, """
                {"complaintId":"%s","department":"%s","category":"%s","dispatchedAt":"%s","repeatOf":%s,"incidentId":%s}"""
                .formatted(id, category.department, category.code, dispatched,
                        random.nextInt(100) < 6 ? "\"" + UUID.randomUUID() + "\"" : "null",
                        outage ? "\"" + UUID.nameUUIDFromBytes((area + dispatched.atZone(ZONE).toLocalDate())
                                .getBytes(StandardCharsets.UTF_8)) + "\"" : "null"));
        // The reply is due five working days on (a week, give or take a weekend).
        Instant replyDue = received.plus(Duration.ofDays(7));
        clocks(id, replyDue, "PENDING", dispatched.plusSeconds(1));
        if (random.nextInt(100) < 3) {
            send("complaints.routing", "WorkOrderReturned.v1", id, dispatched.plusSeconds(3600), """
                    {"complaintId":"%s","department":"%s","reason":"非本部门职责","returnedAt":"%s"}"""
                    .formatted(id, category.department, dispatched.plusSeconds(3600)));
        }
        if (referral != null || random.nextInt(100) < 2) {
            send("complaints.routing", "ComplaintEscalated.v1", id, dispatched, """
                    {"complaintId":"%s","escalationLevel":%d,"trigger":"RULE","escalatedAt":"%s"}"""
                    .formatted(id, referral != null ? 3 : 2, dispatched));
        }
        Instant result = received.plus(Duration.ofMinutes(120 + random.nextInt(5 * 24 * 60)));
        String rootCause = pick(List.of(new Weighted<>("\"COMPANY\"", 45), new Weighted<>("\"CUSTOMER\"", 30),
                new Weighted<>("\"THIRD_PARTY\"", 15), new Weighted<>("null", 10)));
        boolean compensated = random.nextInt(100) < 12;
        send("complaints.routing", "WorkOrderResultSubmitted.v1", id, result, """
                {"complaintId":"%s","outcome":"RESOLVED","rootCause":%s,"compensation":%s,"submittedAt":"%s"}"""
                .formatted(id, rootCause, compensated ? "{\"kind\":\"REFUND\",\"amount\":\"" + (5 + random.nextInt(200))
                        + ".00\"}" : "null", result));
        boolean late = random.nextInt(100) < 6;
        Instant replied = late ? replyDue.plus(Duration.ofHours(2 + random.nextInt(48)))
                : result.plus(Duration.ofMinutes(30 + random.nextInt(600)));
        if (replied.isAfter(replyDue) && !late) {
            replied = replyDue.minusSeconds(600);
        }
        if (random.nextInt(100) < 1) {
            close(id, result.minusSeconds(60), "WITHDRAWN", 1);
            return;
        }
        if (late && replyDue.isBefore(now)) {
            clocks(id, replyDue, "BREACHED", replyDue);
            send("complaints.followup", "SlaBreached.v1", id, replyDue, """
                    {"complaintId":"%s","kind":"REPLY","breachedAt":"%s"}""".formatted(id, replyDue));
        }
        send("complaints.followup", "CustomerReplied.v1", id, replied, """
                {"complaintId":"%s","agentId":"A%d","channel":"PHONE","repliedAt":"%s"}"""
                .formatted(id, 1000 + random.nextInt(300), replied));
        clocks(id, replyDue, late ? "BREACHED" : "MET", replied);
        Instant callback = replied.plus(Duration.ofHours(4 + random.nextInt(44)));
        boolean reached = random.nextInt(100) < 94;
        int mood = random.nextInt(100);
        String satisfaction = mood < 78 ? "SATISFIED" : mood < 90 ? "BASICALLY_SATISFIED" : "UNSATISFIED";
        send("complaints.followup", "CallbackRecorded.v1", id, callback, """
                {"complaintId":"%s","level":"L1","reached":%b,"satisfaction":%s,"round":1,"recordedAt":"%s"}"""
                .formatted(id, reached, reached ? "\"" + satisfaction + "\"" : "null", callback));
        if (!reached) {
            close(id, callback.plus(Duration.ofDays(1)), "UNREACHABLE", 1);
        } else if (!satisfaction.equals("UNSATISFIED")) {
            close(id, callback, "SATISFIED", 1);
        } else {
            send("complaints.followup", "ComplaintReopened.v1", id, callback, """
                    {"complaintId":"%s","reason":"客户不满意","round":2,"reopenedAt":"%s"}""".formatted(id, callback));
            Instant second = callback.plus(Duration.ofDays(1 + random.nextInt(4)));
            send("complaints.followup", "CallbackRecorded.v1", id, second, """
                    {"complaintId":"%s","level":"L2","reached":true,"satisfaction":"BASICALLY_SATISFIED","round":2,\
                    "recordedAt":"%s"}""".formatted(id, second));
            close(id, second, "SATISFIED", 2);
        }
    }

    private void clocks(UUID id, Instant replyDue, String state, Instant setAt) {
        send("complaints.followup", "ClocksSet.v1", id, setAt, """
                {"complaintId":"%s","clocks":[{"kind":"REPLY","round":1,"dueAt":"%s","warnAt":"%s","state":"%s"}],\
                "setAt":"%s"}""".formatted(id, replyDue, replyDue.minus(Duration.ofDays(1)), state, setAt));
    }

    private void close(UUID id, Instant at, String reason, int round) {
        send("complaints.followup", "ComplaintClosed.v1", id, at, """
                {"complaintId":"%s","reason":"%s","round":%d,"closedAt":"%s"}""".formatted(id, reason, round, at));
    }

    private void send(String topic, String type, UUID complaint, Instant at, String data) {
        if (at.isAfter(now)) {
            return;
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, complaint.toString(), data);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_type", bytes(type)).add("ce_source", bytes("/bench")).add("ce_subject", bytes(complaint.toString()))
                .add("ce_time", bytes(at.toString()));
        producer.send(record);
        events++;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private <T> T pick(List<Weighted<T>> choices) {
        int total = choices.stream().mapToInt(Weighted::weight).sum();
        int r = random.nextInt(total);
        for (Weighted<T> w : choices) {
            r -= w.weight;
            if (r < 0) {
                return w.value;
            }
        }
        throw new IllegalStateException();
    }

    private int pick(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
