package io.tousu.followup.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.policy.PolicyFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ForbiddenPhrasesTest {
    private static final ForbiddenPhrases.File FILE =
            PolicyFiles.read(new ObjectMapper(), "policy/phrases/forbidden.json", ForbiddenPhrases.File.class);
    private final ForbiddenPhrases phrases = new ForbiddenPhrases(FILE.phrases());

    @Test
    void findsPhrasesHoweverTheyAreTypedAndPunctuated() {
        assertThat(phrases.foundIn("不行，这绝对不行！")).extracting(ForbiddenPhrases.Phrase::phrase)
                .containsExactly("不行这绝对不行");
        assertThat(phrases.foundIn("您的问题我们已经转办。你 听 懂 了 吗？")).extracting(ForbiddenPhrases.Phrase::why)
                .containsExactly("质问用户");
        // Full-width Latin and digits, and a line break inside the phrase.
        assertThat(phrases.foundIn("ＯＫ，这又不是\n我的错")).extracting(ForbiddenPhrases.Phrase::phrase)
                .containsExactly("这又不是我的错");
        assertThat(phrases.foundIn("喂,您好!什么事?我也没办法")).hasSize(2);
    }

    @Test
    void aCourteousReplyPasses() {
        assertThat(phrases.foundIn("您好，很高兴为您服务！请问有什么事需要帮助？关于您反映的SP扣费问题，"
                + "我们已核实并为您退还10元，给您带来的不便请您原谅。祝您生活愉快！")).isEmpty();
        assertThat(phrases.foundIn("")).isEmpty();
    }

    @Test
    void everyShippedPhraseSaysWhyAndIsNotEmptyOnceNormalised() {
        assertThat(FILE.source()).contains("服务忌语");
        assertThat(FILE.phrases()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.why()).isNotBlank();
            assertThat(ForbiddenPhrases.normalise(p.phrase())).isNotEmpty();
            assertThat(phrases.foundIn(p.phrase())).contains(p);
        });
    }
}
