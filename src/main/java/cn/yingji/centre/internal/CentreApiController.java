package cn.yingji.centre.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/centre")
class CentreApiController {

    private final SituationService situation;

    CentreApiController(SituationService situation) {
        this.situation = situation;
    }

    /** The live situation inside the caller's jurisdiction: active events, counts by grade, urgent clocks. */
    @GetMapping("/situation")
    Situation situation() {
        return situation.current();
    }
}
